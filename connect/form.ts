// The connect form as Nango's Connect UI renders it for an OAUTH2_CC provider, generated from the
// provider definition in providers.yaml: nothing here names a Mimecast field. Each field's title is
// the label, its description the help text, its example the placeholder, its pattern/format the
// validation, an enum a select (default first), a secret a masked input, and its help icon links to
// docs_connect + doc_section. The footer links to docs_connect.
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

/** The same checks the browser applies, repeated on the server: the first problem per field, in plain words. */
export function validateSubmission(provider: ProviderDefinition, values: Record<string, string>): Record<string, string> {
    const problems: Record<string, string> = {};
    for (const field of formFields(provider)) {
        const { definition } = field;
        const value = values[field.inputName] ?? '';
        if (value === '') {
            if (!definition.optional) {
                problems[field.inputName] = `${definition.title} is required.`;
            }
            continue;
        }
        if (definition.enum && !definition.enum.includes(value)) {
            problems[field.inputName] = `${definition.title} must be one of ${definition.enum.join(', ')}.`;
        } else if (definition.pattern && !new RegExp(definition.pattern, 'u').test(value)) {
            problems[field.inputName] = `${definition.title} has an unexpected format (no spaces or line breaks).`;
        } else if (definition.format && FORMAT_PATTERNS[definition.format] && !FORMAT_PATTERNS[definition.format]!.test(value)) {
            problems[field.inputName] = `${definition.title} must be a valid ${definition.format}.`;
        }
    }
    return problems;
}

export function escapeHtml(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export type ConnectOutcome =
    | { ok: true; title: string; details: string[] }
    | { ok: false; title: string; details: string[] };

export interface RenderOptions {
    providerConfigKey: string;
    /** Where the form posts (POST body only: the secret never travels in a URL). */
    action?: string;
    /** Values to show again after a submit. Secret fields are never refilled. */
    values?: Record<string, string>;
    problems?: Record<string, string>;
    outcome?: ConnectOutcome;
    /** A line under the heading saying what the check runs against (simulator, gateway). */
    target?: string;
}

/** The whole page. Only non-secret values and Mimecast's messages (already redacted) reach it. */
export function renderConnectPage(provider: ProviderDefinition, options: RenderOptions): string {
    const fields = formFields(provider);
    const values = options.values ?? {};
    const problems = options.problems ?? {};
    const controls = fields.map((field) => renderField(field, values, problems[field.inputName])).join('\n');
    const outcome = options.outcome ? renderOutcome(options.outcome) : '';
    const footer = provider.docs_connect
        ? `<footer class="footer">Need help? <a id="guide-link" href="${escapeHtml(provider.docs_connect)}" target="_blank" rel="noopener">Read the ${escapeHtml(provider.display_name)} connection guide</a></footer>`
        : '';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Connect ${escapeHtml(provider.display_name)} (local preview)</title>
<style>${STYLE}</style>
</head>
<body>
<main class="card" data-provider="${escapeHtml(options.providerConfigKey)}">
  <p class="preview">Connect UI preview, rendered from providers.yaml${options.target ? ` · checks against ${escapeHtml(options.target)}` : ''}</p>
  <h1>Link your ${escapeHtml(provider.display_name)} account</h1>
  ${outcome}
  <form id="connect-form" method="post" action="${escapeHtml(options.action ?? '/connect')}" data-provider-name="${escapeHtml(provider.display_name)}" autocomplete="off" novalidate>
${controls}
    <button type="submit" id="submit">Connect</button>
  </form>
  ${footer}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderField(field: FormField, values: Record<string, string>, problem: string | undefined): string {
    const { definition: d, inputName } = field;
    const id = `field-${field.name}`;
    const describedBy = `${id}-description${problem ? ` ${id}-problem` : ''}`;
    const help = field.helpUrl
        ? `<a class="help" href="${escapeHtml(field.helpUrl)}" target="_blank" rel="noopener" title="Where to find the ${escapeHtml(d.title)}" aria-label="Help: ${escapeHtml(d.title)}">?</a>`
        : '';
    const required = d.optional ? '' : ' required';
    let control: string;
    if (d.enum) {
        const selected = values[inputName] ?? initialValue(d);
        const options = enumOptions(d)
            .map((v) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(v)}</option>`)
            .join('');
        control = `<select id="${id}" name="${escapeHtml(inputName)}" aria-describedby="${describedBy}"${required}>${options}</select>`;
    } else {
        const type = d.secret ? 'password' : d.format === 'email' ? 'email' : d.format === 'uri' ? 'url' : 'text';
        // A secret is never written back into the page, whatever was submitted.
        const value = d.secret ? '' : (values[inputName] ?? initialValue(d));
        const attrs = [
            `type="${type}"`,
            `id="${id}"`,
            `name="${escapeHtml(inputName)}"`,
            `value="${escapeHtml(value)}"`,
            d.example ? `placeholder="${escapeHtml(d.example)}"` : '',
            d.pattern ? `pattern="${escapeHtml(d.pattern)}"` : '',
            d.format ? `data-format="${escapeHtml(d.format)}"` : '',
            d.secret ? 'autocomplete="new-password" data-secret="true"' : 'autocomplete="off"',
            'spellcheck="false"',
            `aria-describedby="${describedBy}"`
        ].filter(Boolean);
        control = `<input ${attrs.join(' ')}${required}>`;
    }
    return `    <div class="field${problem ? ' invalid' : ''}" data-field="${escapeHtml(inputName)}">
      <div class="label-row"><label for="${id}">${escapeHtml(d.title)}${d.optional ? ' <span class="optional">(optional)</span>' : ''}</label>${help}</div>
      ${control}
      <p class="description" id="${id}-description">${escapeHtml(d.description)}</p>
      ${problem ? `<p class="problem" id="${id}-problem" role="alert">${escapeHtml(problem)}</p>` : ''}
    </div>`;
}

function renderOutcome(outcome: ConnectOutcome): string {
    const details = outcome.details.map((d) => `<p>${escapeHtml(d)}</p>`).join('');
    return `<section id="result" class="result ${outcome.ok ? 'success' : 'error'}" role="status" data-ok="${outcome.ok}">
    <h2>${escapeHtml(outcome.title)}</h2>${details}
  </section>`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:flex-start;justify-content:center;background:#f3f4f6;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;padding:32px 16px}
.card{width:100%;max-width:460px;background:#fff;border-radius:14px;box-shadow:0 6px 24px rgba(0,0,0,.08);padding:28px 28px 20px}
.preview{margin:0 0 6px;font-size:12px;color:#6b7280}
h1{font-size:21px;margin:0 0 18px}
.field{margin-bottom:16px}
.label-row{display:flex;align-items:center;gap:6px;margin-bottom:5px}
label{font-weight:600;font-size:14px}
.optional{font-weight:400;color:#6b7280}
.help{display:inline-flex;align-items:center;justify-content:center;width:17px;height:17px;border-radius:50%;border:1px solid #9ca3af;color:#4b5563;font-size:11px;font-weight:700;text-decoration:none}
.help:hover{border-color:#111827;color:#111827}
input,select{width:100%;padding:9px 11px;border:1px solid #d1d5db;border-radius:8px;font:inherit;background:#fff}
input:focus,select:focus{outline:2px solid #2563eb;outline-offset:-1px}
.description{margin:5px 0 0;font-size:12.5px;color:#6b7280}
.problem{margin:5px 0 0;font-size:12.5px;color:#b91c1c}
.invalid input,.invalid select{border-color:#dc2626}
button{width:100%;margin-top:6px;padding:10px;border:0;border-radius:8px;background:#111827;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button[disabled]{opacity:.6;cursor:progress}
.result{border-radius:10px;padding:12px 14px;margin:0 0 18px}
.result h2{font-size:15px;margin:0 0 4px}
.result p{margin:4px 0 0;font-size:13px}
.success{background:#ecfdf5;border:1px solid #10b981}
.error{background:#fef2f2;border:1px solid #ef4444}
.footer{margin-top:18px;padding-top:14px;border-top:1px solid #e5e7eb;font-size:13px;color:#6b7280;text-align:center}
.footer a{color:#2563eb}
`;

// Browser-side validation with the same pattern/format attributes, so a typo shows before any request.
const SCRIPT = `
(function(){
  var form=document.getElementById('connect-form');
  form.addEventListener('submit',function(e){
    var firstBad=null;
    form.querySelectorAll('input,select').forEach(function(el){
      var field=el.closest('.field');var old=field.querySelector('.problem.client');if(old)old.remove();
      field.classList.remove('invalid');
      if(!el.checkValidity()){
        field.classList.add('invalid');
        var p=document.createElement('p');p.className='problem client';p.setAttribute('role','alert');
        var label=field.querySelector('label').textContent;
        p.textContent=el.validity.valueMissing?label+' is required.':label+' has an unexpected format (no spaces or line breaks).';
        field.appendChild(p);firstBad=firstBad||el;
      }
    });
    if(firstBad){e.preventDefault();firstBad.focus();return;}
    var b=document.getElementById('submit');b.disabled=true;b.textContent='Checking with '+form.dataset.providerName+'…';
  });
})();
`;
