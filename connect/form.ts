// The connect form as Nango's Connect UI (packages/connect-ui) renders it, generated from the provider
// definition in providers.yaml: nothing here names a Mimecast field. "Link <display_name> Account"; each
// field's title is the label (a red * unless optional), its description the help text above the control,
// its example the placeholder, its pattern/format the check as you type ("Incorrect <title>", "This field
// is required"), an enum a select (default first), a secret a masked input; the (i) icon links to
// docs_connect + doc_section, the footer to docs_connect. Connect stays disabled until the form is valid.
// After a submit the page shows Nango's own outcome ("Success!" or "Connection failed" with Nango's error
// details), and, in a separate panel outside Nango's card, this project's credential check.
import type { ProviderDefinition, ProviderField } from '../host/providers.js';

export type FieldGroup = 'connection_config' | 'credentials';

export interface FormField {
    group: FieldGroup;
    name: string;
    /** The form control's name: `connection_config.gateway`, `credentials.client_secret`. */
    inputName: string;
    definition: ProviderField;
    /** docs_connect + doc_section (Nango's help icon); docs_connect alone when the field has no doc_section. */
    helpUrl: string | undefined;
}

/** The fields Nango shows for this provider, in `order` (connection config before credentials on a tie). */
export function formFields(provider: ProviderDefinition): FormField[] {
    const fields: FormField[] = [];
    const groups: [FieldGroup, Record<string, ProviderField> | undefined][] = [
        ['connection_config', provider.connection_config],
        ['credentials', provider.credentials]
    ];
    for (const [group, defs] of groups) {
        for (const [name, definition] of Object.entries(defs ?? {})) {
            fields.push({ group, name, inputName: `${group}.${name}`, definition, helpUrl: helpUrl(provider, definition) });
        }
    }
    return fields.sort((a, b) => (a.definition.order ?? Number.MAX_SAFE_INTEGER) - (b.definition.order ?? Number.MAX_SAFE_INTEGER));
}

export function helpUrl(provider: ProviderDefinition, field: ProviderField): string | undefined {
    if (!provider.docs_connect) {
        return undefined;
    }
    return `${provider.docs_connect}${field.doc_section ?? ''}`;
}

/** The value a field starts with: an enum's default_value, else its first value (what Nango preselects). */
export function initialValue(field: ProviderField): string {
    return field.default_value ?? field.enum?.[0] ?? '';
}

/** The enum values with the default first, as the select lists them. */
export function enumOptions(field: ProviderField): string[] {
    const values = field.enum ?? [];
    const first = initialValue(field);
    return values.includes(first) ? [first, ...values.filter((v) => v !== first)] : values;
}

const FORMAT_PATTERNS: Record<string, RegExp> = {
    hostname: /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/,
    uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    uri: /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/\S+$/
};

/** Nango's messages under a field (Connect UI): an empty required field, a value its pattern/format refuses. */
export const REQUIRED_MESSAGE = 'This field is required';
export const incorrectMessage = (title: string): string => `Incorrect ${title}`;

/** The same checks the browser applies as you type, repeated on the server, with Nango's words. */
export function validateSubmission(provider: ProviderDefinition, values: Record<string, string>): Record<string, string> {
    const problems: Record<string, string> = {};
    for (const field of formFields(provider)) {
        const problem = fieldProblem(field.definition, values[field.inputName] ?? '');
        if (problem) {
            problems[field.inputName] = problem;
        }
    }
    return problems;
}

function fieldProblem(definition: ProviderField, value: string): string | undefined {
    if (value === '') {
        return definition.optional ? undefined : REQUIRED_MESSAGE;
    }
    const format = definition.format ? FORMAT_PATTERNS[definition.format] : undefined;
    const bad =
        (definition.enum && !definition.enum.includes(value)) ||
        (definition.pattern && !new RegExp(definition.pattern, 'u').test(value)) ||
        (format && !format.test(value));
    return bad ? incorrectMessage(definition.title) : undefined;
}

export function escapeHtml(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The detail Nango's Connect UI shows under "Show error details" when the token exchange of an OAUTH2_CC
 * connection fails, whatever the provider answered: Nango's server keeps no part of the provider's body
 * (its client_credentials_fetch_error carries an empty payload; see UPSTREAM.md).
 */
export const NANGO_TOKEN_FETCH_ERROR = 'Failed to fetch client credentials token: "{}"';

/** What Nango's Connect UI shows after Connect. */
export type NangoOutcome = { ok: true } | { ok: false; errorDetails: string };

/** What this project adds beyond Nango: its own credential check, in plain words. */
export interface ProjectCheck {
    ok: boolean;
    title: string;
    details: string[];
    /** Mimecast's own answer, e.g. `HTTP 401 invalid_client`. */
    mimecast?: string;
}

export interface ConnectOutcome {
    nango: NangoOutcome;
    check: ProjectCheck;
}

export interface RenderOptions {
    providerConfigKey: string;
    /** Where the form posts (POST body only: the secret never travels in a URL). */
    action?: string;
    /** Values to show again after a submit. Secret fields are never refilled by the server. */
    values?: Record<string, string>;
    problems?: Record<string, string>;
    outcome?: ConnectOutcome;
    /** A line above the card saying what the check runs against (simulator, gateway). */
    target?: string;
}

/** The whole page. Only non-secret values and Mimecast's messages (already redacted) reach it. */
export function renderConnectPage(provider: ProviderDefinition, options: RenderOptions): string {
    const fields = formFields(provider);
    const values = options.values ?? {};
    const problems = options.problems ?? {};
    const name = escapeHtml(provider.display_name);
    const controls = fields.map((field) => renderField(field, values, problems[field.inputName])).join('\n');
    const valid = fields.every(
        (field) => !fieldProblem(field.definition, field.definition.secret ? '' : (values[field.inputName] ?? initialValue(field.definition)))
    );
    const outcome = options.outcome;
    const guide = provider.docs_connect
        ? `<p class="help-footer" id="help-footer"${outcome?.nango.ok ? ' hidden' : ''}>Need help? <a id="guide-link" href="${escapeHtml(provider.docs_connect)}" target="_blank" rel="noopener">View connection guide</a> <span aria-hidden="true">&#8599;</span></p>`
        : '';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Link ${name} Account (local preview of Nango's Connect UI)</title>
<style>${STYLE}</style>
</head>
<body>
<p class="preview-note" id="preview-note">Local preview of Nango's Connect UI, rendered from providers.yaml${options.target ? ` &middot; checks against ${escapeHtml(options.target)}` : ''}</p>
<div class="nango" data-provider="${escapeHtml(options.providerConfigKey)}">
  <main class="nango-main">
    <section id="form-view"${outcome ? ' hidden' : ''}>
      ${logo(provider)}
      <h1 id="title">Link ${name} Account</h1>
      <form id="connect-form" method="post" action="${escapeHtml(options.action ?? '/connect')}" autocomplete="off" novalidate>
${controls}
        <button type="submit" id="submit" class="primary"${valid ? '' : ' disabled'}>Connect</button>
      </form>
    </section>
    <section id="result-view"${outcome ? '' : ' hidden'}>${outcome ? renderNangoOutcome(provider, outcome.nango) : ''}</section>
    ${guide}
  </main>
  <footer class="secured">Secured by <strong>nango</strong></footer>
</div>
${outcome ? renderProjectCheck(outcome.check) : ''}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function logo(provider: ProviderDefinition, badge?: 'ok' | 'failed'): string {
    // Nango shows the provider's logo (template-logos/<key>.svg); the preview has none, so a letter tile.
    const mark =
        badge === 'ok'
            ? '<span class="badge ok" aria-hidden="true">&#10003;</span>'
            : badge === 'failed'
              ? '<span class="badge failed" aria-hidden="true">&#10005;</span>'
              : '';
    return `<div class="logo" aria-hidden="true">${escapeHtml(provider.display_name.charAt(0).toLowerCase())}${mark}</div>`;
}

/** Nango's own pages after Connect: "Success!", or "Connection failed" with the error details and Back. */
export function renderNangoOutcome(provider: ProviderDefinition, outcome: NangoOutcome): string {
    if (outcome.ok) {
        return `<div class="outcome" id="nango-result" data-state="success">
      ${logo(provider, 'ok')}
      <h2>Success!</h2>
      <p>You've successfully set up your ${escapeHtml(provider.display_name)} integration. You can now close this tab.</p>
    </div>`;
    }
    return `<div class="outcome" id="nango-result" data-state="failed">
      ${logo(provider, 'failed')}
      <h2>Connection failed</h2>
      <p>An error occurred during authorization. Please reach out to our support team.</p>
      <details id="error-details"><summary>Show error details</summary><pre id="error-text">${escapeHtml(outcome.errorDetails)}</pre></details>
      <button type="button" id="back" class="primary">Back</button>
    </div>`;
}

/** The panel outside Nango's card: what this project checks beyond Nango (the account read, Mimecast's code). */
export function renderProjectCheck(check: ProjectCheck): string {
    const details = check.details.map((d) => `<p>${escapeHtml(d)}</p>`).join('');
    return `<aside id="project-check" class="project-check ${check.ok ? 'ok' : 'error'}" data-ok="${check.ok}" role="status">
  <p class="project-label">Not part of Nango: this project's credential check</p>
  <h2>${escapeHtml(check.title)}</h2>${details}${check.mimecast ? `<p class="mimecast">Mimecast error: <code>${escapeHtml(check.mimecast)}</code></p>` : ''}
</aside>`;
}

function renderField(field: FormField, values: Record<string, string>, problem: string | undefined): string {
    const { definition: d, inputName } = field;
    const id = `field-${field.name}`;
    const describedBy = `${id}-description ${id}-problem`;
    const help = field.helpUrl
        ? `<a class="help" href="${escapeHtml(field.helpUrl)}" target="_blank" rel="noopener" title="Where to find the ${escapeHtml(d.title)}" aria-label="Help: ${escapeHtml(d.title)}">i</a>`
        : '';
    const required = d.optional ? '' : ' required';
    const common = `id="${id}" name="${escapeHtml(inputName)}" aria-describedby="${describedBy}" data-title="${escapeHtml(d.title)}"${problem ? ' aria-invalid="true"' : ''}`;
    let control: string;
    if (d.enum) {
        const selected = values[inputName] ?? initialValue(d);
        const options = enumOptions(d)
            .map((v) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(v)}</option>`)
            .join('');
        control = `<select ${common}${required}>${options}</select>`;
    } else {
        const type = d.secret ? 'password' : d.format === 'email' ? 'email' : d.format === 'uri' ? 'url' : 'text';
        // A secret is never written back into the page by the server, whatever was submitted.
        const value = d.secret ? '' : (values[inputName] ?? initialValue(d));
        const attrs = [
            `type="${type}"`,
            common,
            `value="${escapeHtml(value)}"`,
            d.example ? `placeholder="${escapeHtml(d.example)}"` : '',
            d.pattern ? `pattern="${escapeHtml(d.pattern)}"` : '',
            d.format && FORMAT_PATTERNS[d.format] ? `data-format-pattern="${escapeHtml(FORMAT_PATTERNS[d.format]!.source)}"` : '',
            d.secret ? 'autocomplete="new-password" data-secret="true"' : 'autocomplete="off"',
            'spellcheck="false"'
        ].filter(Boolean);
        control = `<input ${attrs.join(' ')}${required}>`;
    }
    return `        <div class="field${problem ? ' invalid' : ''}" data-field="${escapeHtml(inputName)}">
          <div class="label-row"><label for="${id}">${escapeHtml(d.title)}</label>${d.optional ? '' : '<span class="required" aria-hidden="true">*</span>'}${help}</div>
          <p class="description" id="${id}-description">${escapeHtml(d.description)}</p>
          ${control}
          <p class="problem" id="${id}-problem" role="alert"${problem ? '' : ' hidden'}>${problem ? escapeHtml(problem) : ''}</p>
        </div>`;
}

const STYLE = `
*{box-sizing:border-box}
[hidden]{display:none!important}
html,body{margin:0;background:#fff}
body{font:14px/1.45 Inter,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#18181b}
.preview-note{margin:0;padding:4px 12px;font-size:11px;color:#6b7280;background:#f9fafb;border-bottom:1px dashed #d1d5db;text-align:center}
.nango{max-width:500px;margin:0 auto;min-height:calc(100vh - 24px);display:flex;flex-direction:column}
.nango-main{flex:1;display:flex;flex-direction:column;padding:40px 37px 24px}
#form-view,#result-view{flex:1}
#result-view{display:flex;align-items:center;justify-content:center}
.logo{position:relative;width:64px;height:64px;margin:40px auto 26px;border:1px solid #e5e7eb;border-radius:8px;display:flex;align-items:center;justify-content:center;font:800 38px/1 system-ui,sans-serif;color:#0b1f5c;background:#fff}
.badge{position:absolute;right:-14px;bottom:-14px;width:26px;height:26px;border-radius:50%;border:4px solid #fff;color:#fff;font-size:12px;font-weight:700;display:flex;align-items:center;justify-content:center}
.badge.ok{background:#16a34a;box-shadow:0 0 0 3px #bbf7d0}
.badge.failed{background:#dc2626;box-shadow:0 0 0 3px #fecaca}
h1{font-size:17px;font-weight:600;text-align:center;margin:0 0 32px}
.field{background:#f9fafb;border-radius:4px;padding:20px 20px 20px;margin-bottom:20px}
.label-row{display:flex;align-items:center;gap:2px;margin-bottom:10px}
label{font-weight:600;font-size:12px}
.required{color:#dc2626;font-size:12px;font-weight:600;margin-left:2px}
.help{display:inline-flex;align-items:center;justify-content:center;width:15px;height:15px;margin-left:10px;border-radius:50%;border:1.5px solid #3f3f46;color:#3f3f46;font:700 9px/1 Georgia,serif;text-decoration:none}
.description{margin:0 0 14px;font-size:14px;color:#3f3f46}
input,select{width:100%;height:36px;padding:0 12px;border:1px solid #d4d4d8;border-radius:4px;font:inherit;font-size:14px;background:#fff;color:#18181b}
select{background:#e4e4e7;font-size:12px;padding:0 6px}
input::placeholder{color:#9ca3af}
input:focus,select:focus{outline:none;border-color:#00b2e3;box-shadow:0 0 0 2px #bae9f7}
.invalid input,.invalid select{border-color:#dc2626}
.problem{margin:14px 0 0;font-size:12px;color:#dc2626}
.primary{width:100%;height:40px;margin-top:8px;border:0;border-radius:6px;background:#00b2e3;color:#fff;font:inherit;font-size:14px;cursor:pointer}
.primary[disabled]{background:#7fd8f1;cursor:not-allowed}
.help-footer{margin:40px 0 0;text-align:center;color:#3f3f46}
.help-footer a{color:#18181b}
.secured{background:#f4f4f5;padding:22px;text-align:center;font-size:12px;color:#3f3f46}
.secured strong{font-size:15px;color:#27272a;margin-left:6px}
.outcome{width:100%;text-align:center}
.outcome .logo{margin-top:0}
.outcome h2{font-size:20px;font-weight:600;margin:0 0 22px}
.outcome p{margin:0 0 24px;color:#3f3f46}
details{text-align:left;border:1px solid #f4f4f5;background:#f9fafb;border-radius:4px;margin:0 0 28px}
summary{padding:12px 16px;cursor:pointer;list-style:none}
summary::-webkit-details-marker{display:none}
summary::after{content:"\\2304";float:right;color:#6b7280}
details[open] summary::after{content:"\\2303"}
details[open] summary{border-bottom:1px solid #e4e4e7}
pre{margin:0;padding:12px 16px;color:#dc2626;font-size:12px;white-space:pre-wrap;word-break:break-word}
.project-check{max-width:460px;margin:16px auto 24px;padding:12px 16px;border:2px dashed #9ca3af;border-radius:8px;background:#fffbeb;font-size:13px}
.project-check.ok{background:#f0fdf4;border-color:#22c55e}
.project-check.error{background:#fef2f2;border-color:#ef4444}
.project-label{margin:0 0 4px;font-size:12px;font-weight:700;color:#4b5563}
.project-check h2{font-size:14px;margin:0 0 4px}
.project-check p{margin:4px 0 0}
`;

// As you type: Nango's messages under a touched field, Connect enabled only when every field is valid.
// Connect posts with fetch and swaps in the outcome the server rendered, so the form (secret included)
// stays in the page for Back, as in Nango's single-page Connect UI; the server never echoes the secret.
const SCRIPT = `
(function(){
  var form=document.getElementById('connect-form');
  var submit=document.getElementById('submit');
  var formView=document.getElementById('form-view');
  var resultView=document.getElementById('result-view');
  var helpFooter=document.getElementById('help-footer');
  var controls=Array.prototype.slice.call(form.querySelectorAll('input,select'));
  var touched={};
  function problem(el){
    var v=el.value;
    if(v===''){return el.required?'${REQUIRED_MESSAGE}':'';}
    var bad=false;
    if(el.tagName==='SELECT'){bad=!Array.prototype.some.call(el.options,function(o){return o.value===v;});}
    var p=el.getAttribute('pattern');if(p&&!new RegExp(p,'u').test(v))bad=true;
    var f=el.getAttribute('data-format-pattern');if(f&&!new RegExp(f).test(v))bad=true;
    return bad?'Incorrect '+el.getAttribute('data-title'):'';
  }
  function show(el){
    var field=el.closest('.field');var out=field.querySelector('.problem');var msg=touched[el.name]?problem(el):'';
    out.textContent=msg;out.hidden=!msg;field.classList.toggle('invalid',!!msg);
    if(msg){el.setAttribute('aria-invalid','true');}else{el.removeAttribute('aria-invalid');}
  }
  function refresh(){submit.disabled=controls.some(function(el){return problem(el)!=='';});}
  controls.forEach(function(el){
    var mark=function(){touched[el.name]=true;show(el);refresh();};
    el.addEventListener('input',mark);el.addEventListener('change',mark);
  });
  refresh();
  function wire(){
    var details=document.getElementById('error-details');
    if(details){details.addEventListener('toggle',function(){details.querySelector('summary').textContent=details.open?'Hide error details':'Show error details';});}
    var back=document.getElementById('back');
    if(back){back.addEventListener('click',function(){
      resultView.hidden=true;resultView.innerHTML='';formView.hidden=false;if(helpFooter)helpFooter.hidden=false;
      var panel=document.getElementById('project-check');if(panel)panel.remove();
      submit.textContent='Connect';refresh();
    });}
  }
  wire();
  form.addEventListener('submit',function(e){
    e.preventDefault();
    controls.forEach(function(el){touched[el.name]=true;show(el);});
    refresh();
    if(submit.disabled)return;
    submit.disabled=true;submit.textContent='Connecting...';
    fetch(form.action,{method:'POST',body:new URLSearchParams(new FormData(form)),headers:{'accept':'text/html'}})
      .then(function(res){return res.text();})
      .then(function(html){
        var doc=new DOMParser().parseFromString(html,'text/html');
        var result=doc.getElementById('result-view');
        if(!result||result.hidden){form.submit();return;}
        resultView.innerHTML=result.innerHTML;resultView.hidden=false;formView.hidden=true;
        var state=resultView.querySelector('#nango-result');
        if(helpFooter)helpFooter.hidden=!!state&&state.getAttribute('data-state')==='success';
        var old=document.getElementById('project-check');if(old)old.remove();
        var panel=doc.getElementById('project-check');if(panel)document.body.insertBefore(document.importNode(panel,true),document.querySelector('script'));
        wire();
      })
      .catch(function(){submit.textContent='Connect';refresh();});
  });
})();
`;
