import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useEffect, useState } from 'react';
import { usePlumbline } from '../../api/plumbline-client';
import { ErrorAlert, describeError } from '../commons/error-alert';
import { problemsAt } from '../commons/field-problems';
import { locateJsonPath } from '../commons/json-locate';
import { ModalFooter } from '../commons/modal-footer';
import { useAction } from '../commons/use-action';

export const POLICY_EXAMPLE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["wellarchitected:Get*", "wellarchitected:List*"],
      "Resource": "*"
    }
  ]
}`;

/** A document that is not JSON is said before a round trip, in the browser's words (which quote where it stopped). */
function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `Not valid JSON: ${(e as Error).message}`;
  }
}

interface PolicyEditorProps {
  userName: string;
  /** The policy being edited, or a new one when undefined. */
  policy?: { PolicyName: string; PolicyDocument: string };
  visible: boolean;
  onSaved(): void;
  onDismiss(): void;
}

/**
 * An inline policy's name and JSON document. The server checks the document against
 * the policy language and names each problem by its path; every one is listed here.
 */
export function PolicyEditor({ userName, policy, visible, onSaved, onDismiss }: PolicyEditorProps) {
  const plumbline = usePlumbline();
  const [name, setName] = useState('');
  const [document, setDocument] = useState('');
  const [syntax, setSyntax] = useState<string>();
  useEffect(() => {
    if (!visible) return;
    setName(policy?.PolicyName ?? '');
    setDocument(policy ? prettyPolicy(policy.PolicyDocument) : POLICY_EXAMPLE);
    setSyntax(undefined);
  }, [visible, policy]);
  // The text the server judged, to place its problems even after further edits.
  const [sent, setSent] = useState('');
  const save = useAction(async () => {
    setSent(document);
    await plumbline('PutUserPolicy', { UserName: userName, PolicyName: name, PolicyDocument: document });
    onSaved();
  }, `Inline policy ${name} was saved.`);
  const submit = () => {
    const problem = jsonProblem(document);
    setSyntax(problem);
    if (!problem) void save.run();
  };
  const fields = describeError(save.error).fields;
  const nameProblems = fields.filter((f) => f.Name === 'PolicyName');
  const documentError =
    syntax ??
    problemsAt(save.error, 'PolicyDocument', (path) => {
      try {
        const at = locateJsonPath(sent, path);
        return at ? `line ${at.line}, column ${at.column}` : undefined;
      } catch {
        return undefined;
      }
    });
  return (
    <Modal
      visible={visible}
      size="large"
      header={policy ? `Edit inline policy ${policy.PolicyName}` : 'Add inline policy'}
      onDismiss={onDismiss}
      footer={<ModalFooter submitText="Save policy" running={save.running} onSubmit={submit} onCancel={onDismiss} />}
    >
      <SpaceBetween size="m">
        <FormField label="Policy name" constraintText="Up to 128 letters, digits and + = , . @ _ -" errorText={nameProblems.map((p) => p.Message).join('; ') || undefined}>
          <Input value={name} readOnly={!!policy} onChange={({ detail }) => setName(detail.value)} ariaLabel="Policy name" />
        </FormField>
        <FormField
          label="Policy document"
          description="The AWS policy language: actions wellarchitected:<Operation>, resources by ARN, conditions. At most 6,144 characters without white space."
          errorText={documentError}
          stretch
        >
          <Textarea
            value={document}
            onChange={({ detail }) => setDocument(detail.value)}
            rows={16}
            spellcheck={false}
            ariaLabel="Policy document"
            invalid={!!documentError}
          />
        </FormField>
        {fields.length === 0 && <ErrorAlert error={save.error} />}
      </SpaceBetween>
    </Modal>
  );
}

/** Stored documents are kept as written; show them indented when they parse. */
function prettyPolicy(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
