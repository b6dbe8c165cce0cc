import { TagResourceCommand, UntagResourceCommand, UpdateWorkloadCommand, type Workload } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { awsRegionLabel } from '../commons/aws-regions';
import { ErrorAlert } from '../commons/error-alert';
import { FormActions } from '../commons/form-actions';
import { formatTime } from '../commons/format';
import { improvementStatusLabel } from '../commons/improvement-status';
import { ImprovementStatusField } from '../commons/improvement-status-field';
import { memberErrors } from '../commons/member-errors';
import { usePermissions } from '../commons/permissions';
import { useAction } from '../commons/use-action';
import { checkWorkloadForm, environmentLabel, formFromWorkload, tagMap, workloadMembers, type FormErrors, type WorkloadFormState } from '../commons/workload-properties';
import { WorkloadPropertiesForm } from '../commons/workload-properties-form';

const list = (values: string[] | undefined, label = (v: string) => v) => (values?.length ? values.map(label).join(', ') : '-');

function PropertiesView({ workload }: { workload: Workload }) {
  const tags = Object.entries(workload.Tags ?? {});
  return (
    <SpaceBetween size="l">
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Name', value: workload.WorkloadName },
          { label: 'Description', value: workload.Description },
          { label: 'Review owner', value: workload.ReviewOwner || '-' },
          { label: 'Environment', value: environmentLabel(workload.Environment) },
          { label: 'AWS Regions', value: list(workload.AwsRegions, (r) => `${awsRegionLabel(r)} (${r})`) },
          { label: 'Non-AWS regions', value: list(workload.NonAwsRegions) },
          { label: 'Account IDs', value: list(workload.AccountIds) },
          { label: 'Architectural design', value: workload.ArchitecturalDesign || '-' },
          { label: 'Industry type', value: workload.IndustryType || '-' },
          { label: 'Industry', value: workload.Industry || '-' },
          { label: 'Application', value: workload.Applications?.[0] ?? '-' },
          { label: 'Owner', value: workload.Owner },
          { label: 'ARN', value: workload.WorkloadArn },
          { label: 'Improvement status', value: improvementStatusLabel(workload.ImprovementStatus) },
          { label: 'Last updated', value: formatTime(workload.UpdatedAt) },
        ]}
      />
      <div>
        <Box variant="awsui-key-label">Tags</Box>
        {tags.length ? tags.map(([k, v]) => <div key={k}>{v ? `${k}: ${v}` : k}</div>) : <Box color="text-status-inactive">No tags</Box>}
      </div>
    </SpaceBetween>
  );
}

interface Props {
  workload: Workload;
  owner: boolean;
  startEditing: boolean;
  onSaved(): void;
}

/** The Properties tab: the properties as defined, and for the owner an Edit form (properties, tags, improvement status). */
export function PropertiesTab({ workload, owner, startEditing, onSaved }: Props) {
  const wa = useWellArchitected();
  const can = usePermissions(['UpdateWorkload'], { WorkloadId: workload.WorkloadId });
  const [editing, setEditing] = useState(owner && startEditing);
  const [form, setForm] = useState<WorkloadFormState>(() => formFromWorkload(workload, workload.Tags ?? {}));
  const [status, setStatus] = useState(workload.ImprovementStatus ?? 'NOT_APPLICABLE');
  const [errors, setErrors] = useState<FormErrors>({});

  const save = useAction(async () => {
    const arn = workload.WorkloadArn!;
    await wa.send(new UpdateWorkloadCommand({ WorkloadId: workload.WorkloadId!, ...workloadMembers(form), ImprovementStatus: status }));
    const before = workload.Tags ?? {};
    const after = tagMap(form.Tags);
    const removed = Object.keys(before).filter((k) => !(k in after));
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
    if (Object.keys(changed).length) await wa.send(new TagResourceCommand({ WorkloadArn: arn, Tags: changed }));
    if (removed.length) await wa.send(new UntagResourceCommand({ WorkloadArn: arn, TagKeys: removed }));
  }, 'Workload properties saved.');

  useEffect(() => {
    if (save.error) setErrors(memberErrors(save.error, 'WorkloadName'));
  }, [save.error]);

  const startEdit = () => {
    setForm(formFromWorkload(workload, workload.Tags ?? {}));
    setStatus(workload.ImprovementStatus ?? 'NOT_APPLICABLE');
    setErrors({});
    save.clearError();
    setEditing(true);
  };
  const submit = async () => {
    const problems = checkWorkloadForm(form);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (await save.run()) {
      setEditing(false);
      onSaved();
    }
  };
  const changeForm = (next: WorkloadFormState) => {
    const changed = (Object.keys(next) as Array<keyof WorkloadFormState>).filter((k) => next[k] !== form[k]);
    setForm(next);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([m]) => !changed.includes(m as keyof WorkloadFormState))));
  };

  if (!editing) {
    return (
      <Container header={<Header variant="h2" actions={owner && <Button disabled={!can.UpdateWorkload.allowed} disabledReason={can.UpdateWorkload.reason} onClick={startEdit}>Edit</Button>}>Properties</Header>}>
        <PropertiesView workload={workload} />
      </Container>
    );
  }
  const placed = Object.keys(errors).length > 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Form
        header={<Header variant="h2">Edit properties</Header>}
        errorText={placed ? 'Some fields need correcting: see the message at each field. Nothing was lost.' : undefined}
        actions={
          <FormActions submitText="Save" running={save.running} onCancel={() => setEditing(false)} cancelDisabled={save.running} />
        }
      >
        <SpaceBetween size="l">
          {!placed && <ErrorAlert error={save.error} />}
          <WorkloadPropertiesForm value={form} onChange={changeForm} errors={errors} />
          <Container header={<Header variant="h2">Workload status</Header>}>
            <ImprovementStatusField value={status} onChange={setStatus} errorText={errors.ImprovementStatus} />
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
