// The worker thread behind store-writer.ts ThreadWriter. Plain JavaScript, so it starts the same under
// every runner of the host (tsx, jest); it loads the TypeScript store through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { Store } = await import('./store.ts');
const { runStoreThread } = await import('./store-writer.ts');
runStoreThread((file) => new Store(file));
