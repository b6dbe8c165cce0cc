import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import Tiles from '@cloudscape-design/components/tiles';
import Toggle from '@cloudscape-design/components/toggle';
import { useState } from 'react';
import { usePlumbline } from '../../api/plumbline-client';
import { ErrorAlert } from '../commons/error-alert';
import { memberErrors } from '../commons/member-errors';
import { problemsAt } from '../commons/field-problems';
import { ModalFooter } from '../commons/modal-footer';
import { useAction } from '../commons/use-action';
import { useTextFields } from '../commons/use-text-fields';
import type { EventTarget } from './hooks';

export const PATTERN_EXAMPLE = `{
  "detail": {
    "eventName": ["CreateWorkload", "UpdateAnswer", "CreateMilestone"]
  }
}`;

interface CreateTargetProps {
  visible: boolean;
  onDismiss(): void;
  /** With the webhook's signing secret, shown once by the caller. */
  onCreated(target: EventTarget, secret: string | undefined): void;
}

/** Create event target: a webhook (POST of each event, signed) or a file (one JSON line per event), with an optional pattern. */
export function CreateTargetModal({ visible, onDismiss, onCreated }: CreateTargetProps) {
  const plumbline = usePlumbline();
  const [type, setType] = useState<'webhook' | 'file'>('webhook');
  const form = useTextFields({ name: '', url: '', path: '', secret: '', pattern: '' });
  const { name, url, path, secret, pattern } = form.values;
  const [enabled, setEnabled] = useState(true);
  const [patternSyntax, setPatternSyntax] = useState<string>();
  const create = useAction(async () => {
    const out = (await plumbline('CreateEventTarget', {
      Name: name,
      Type: type,
      ...(type === 'webhook' ? { Url: url, ...(secret ? { Secret: secret } : {}) } : { Path: path }),
      ...(pattern.trim() ? { Pattern: JSON.parse(pattern) } : {}),
      Enabled: enabled,
    })) as { EventTarget: EventTarget; Secret?: string };
    form.clear();
    onCreated(out.EventTarget, out.Secret);
    return out.EventTarget.Name;
  }, (created: string) => `Event target ${created} was created.`);
  const submit = () => {
    let problem: string | undefined;
    if (pattern.trim()) {
      try {
        JSON.parse(pattern);
      } catch (e) {
        problem = `Not valid JSON: ${(e as Error).message}`;
      }
    }
    setPatternSyntax(problem);
    if (!problem) void create.run();
  };
  const fields = memberErrors(create.error, 'Name');
  return (
    <Modal
      visible={visible}
      size="large"
      header="Create event target"
      onDismiss={onDismiss}
      footer={<ModalFooter submitText="Create target" running={create.running} onSubmit={submit} onCancel={onDismiss} />}
    >
      <SpaceBetween size="m">
        <FormField label="Type" errorText={fields.Type}>
          <Tiles
            value={type}
            onChange={({ detail }) => setType(detail.value as 'webhook' | 'file')}
            columns={2}
            items={[
              { value: 'webhook', label: 'Webhook', description: 'Each event is POSTed as JSON to a URL, signed with a secret (HMAC-SHA256).' },
              { value: 'file', label: 'File', description: 'Each event is appended as one JSON line to a file in the server’s events directory.' },
            ]}
          />
        </FormField>
        <FormField label="Name" constraintText="1 to 64 letters, digits, spaces, dots, dashes or underscores; unique in the account." errorText={fields.Name}>
          <Input value={name} onChange={({ detail }) => form.set('name', detail.value)} ariaLabel="Name" />
        </FormField>
        {type === 'webhook' ? (
          <>
            <FormField label="URL" constraintText="An http or https URL, without credentials." errorText={fields.Url}>
              <Input value={url} onChange={({ detail }) => form.set('url', detail.value)} placeholder="https://hooks.example.com/plumbline" ariaLabel="URL" />
            </FormField>
            <FormField
              label={
                <>
                  Secret <i>- optional</i>
                </>
              }
              description="Signs each delivery. Leave empty to have one generated; it is shown once."
              constraintText="16 to 256 printable characters without spaces."
              errorText={fields.Secret}
            >
              <Input type="password" value={secret} onChange={({ detail }) => form.set('secret', detail.value)} ariaLabel="Secret" autoComplete={false} />
            </FormField>
          </>
        ) : (
          <FormField label="File path" description="Relative to the account's directory under the server's events directory." errorText={fields.Path}>
            <Input value={path} onChange={({ detail }) => form.set('path', detail.value)} placeholder="workload-events.jsonl" ariaLabel="File path" />
          </FormField>
        )}
        <FormField
          label={
            <>
              Event pattern <i>- optional</i>
            </>
          }
          description="An EventBridge-style pattern; only matching events are delivered. Without one, every event of the account is."
          errorText={patternSyntax ?? problemsAt(create.error, 'Pattern')}
          stretch
        >
          <Textarea value={pattern} onChange={({ detail }) => form.set('pattern', detail.value)} rows={6} placeholder={PATTERN_EXAMPLE} spellcheck={false} ariaLabel="Event pattern" />
        </FormField>
        <Toggle checked={enabled} onChange={({ detail }) => setEnabled(detail.checked)}>
          Deliver events as soon as the target is created
        </Toggle>
        {Object.keys(fields).length === 0 && <ErrorAlert error={create.error} />}
      </SpaceBetween>
    </Modal>
  );
}
