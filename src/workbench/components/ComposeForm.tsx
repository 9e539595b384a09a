import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { formatRecipients, formatSize, parseRecipients } from '../format';
import { MAX_OUTLOOK_SUBJECT_LENGTH, type ComposeSnapshot } from '../office-sim';
import { htmlToText } from '../office-sim/compose-state';
import { useCompose, useSimulatedOffice } from '../workbench-context';

type Field = 'to' | 'cc' | 'bcc';
const FIELD_LABELS: Record<Field, string> = { to: 'To', cc: 'Cc', bcc: 'Bcc' };

/**
 * A recipient line: the typed text is committed when the person leaves the field or presses Enter, as
 * Outlook resolves recipients then (and raises RecipientsChanged), not on every keystroke.
 */
function RecipientLine({ field, value }: { field: Field; value: ComposeSnapshot[Field] }) {
  const { host } = useSimulatedOffice();
  const id = useId();
  const external = formatRecipients(value);
  const [draft, setDraft] = useState(external);
  useEffect(() => setDraft(external), [external]);
  const commit = () => {
    if (draft !== external) host.editRecipients(field, parseRecipients(draft));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{FIELD_LABELS[field]}</label>
      <input
        id={id}
        name={field}
        type="text"
        value={draft}
        autoComplete="off"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </div>
  );
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file cannot be read'));
    reader.readAsDataURL(file);
  });
}

export function ComposeForm() {
  const { host } = useSimulatedOffice();
  const compose = useCompose();
  const subjectId = useId();
  const bodyId = useId();
  const fileId = useId();

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    for (const file of files) host.attachFile(file.name, await readAsBase64(file));
    event.target.value = '';
  };

  return (
    <form className="compose" aria-label="Message being composed" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <span className="label">From</span>
        <output aria-label="From">{formatRecipients([compose.from])}</output>
      </div>
      {(['to', 'cc', 'bcc'] as const).map((field) => (
        <RecipientLine key={field} field={field} value={compose[field]} />
      ))}
      <div className="field">
        <label htmlFor={subjectId}>Subject</label>
        <input
          id={subjectId}
          name="subject"
          type="text"
          maxLength={MAX_OUTLOOK_SUBJECT_LENGTH}
          value={compose.subject}
          onChange={(e) => host.editSubject(e.target.value)}
        />
      </div>
      <div className="field field-body">
        <label htmlFor={bodyId}>Body</label>
        <textarea
          id={bodyId}
          name="body"
          rows={8}
          value={compose.body.type === 'html' ? htmlToText(compose.body.content) : compose.body.content}
          onChange={(e) => host.editBodyText(e.target.value)}
        />
      </div>
      <section className="attachments" aria-labelledby={`${fileId}-title`}>
        <h2 id={`${fileId}-title`}>Attachments</h2>
        {compose.attachments.length === 0 ? (
          <p>No attachments.</p>
        ) : (
          <ul aria-label="Attachments">
            {compose.attachments.map((a) => (
              <li key={a.id} data-attachment-id={a.id} data-size={a.size}>
                <span className="attachment-name">{a.name}</span>{' '}
                <span className="attachment-size">{formatSize(a.size)}</span>{' '}
                <button type="button" aria-label={`Remove ${a.name}`} onClick={() => host.removeAttachment(a.id)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <label htmlFor={fileId}>Attach a file</label>
        <input id={fileId} type="file" multiple onChange={(e) => void attach(e)} />
      </section>
    </form>
  );
}
