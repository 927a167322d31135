// Every Mimecast function this project ships; `nango compile` builds one artifact per import.
import './mimecast/actions/get-account.js';
import './mimecast/syncs/audit-events.js';
