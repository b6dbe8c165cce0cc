import { CreateWorkloadCommand } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import Wizard from '@cloudscape-design/components/wizard';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Page } from '../commons/page';
import { WORKLOADS_CRUMB } from '../commons/workload-paths';
import { useWellArchitected } from '../../api/client';
import { describeError } from '../commons/error-alert';
import { segment } from '../commons/format';
import { memberErrors } from '../commons/member-errors';
import { focusFirstError } from '../commons/focus-first-error';
import { usePermissions } from '../commons/permissions';
import { useAction } from '../commons/use-action';
import { checkWorkloadForm, emptyWorkloadForm, tagMap, workloadMembers, type FormErrors, type WorkloadFormState } from '../commons/workload-properties';
import { WorkloadPropertiesForm } from '../commons/workload-properties-form';
import { FRAMEWORK_LENS } from '../commons/lens-picker';
import { useDefineWorkloadChoices } from './hooks';
import { LensesStep, type LensChoice } from './lenses-step';

const LENS_STEP_MEMBERS = ['Lenses', 'ProfileArns', 'ReviewTemplateArns'];

/** Leaves out what the user left empty, so the workload stores nothing rather than empty text. */
function createInput(members: ReturnType<typeof workloadMembers>) {
  return Object.fromEntries(Object.entries(members).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== ''))) as typeof members;
}

/** "Defining a workload": properties, then lenses; the workload's page once it is defined. */
export default function DefineWorkloadPage() {
  const wa = useWellArchitected();
  const navigate = useNavigate();
  const choices = useDefineWorkloadChoices();
  const [step, setStep] = useState(0);
  const [form, setForm] = useState(emptyWorkloadForm);
  // "Create workload from template" opens this page with ?reviewTemplateArn=<ARN> already chosen.
  const [search] = useSearchParams();
  const [lensChoice, setLensChoice] = useState<LensChoice>({ lenses: [], profileArn: '', templateArn: search.get('reviewTemplateArn') ?? '' });
  // One map of problems by request member, from the form's checks or the API's answer;
  // editing a field clears its own problem only.
  const [errors, setErrors] = useState<FormErrors>({});
  const [unplaced, setUnplaced] = useState<unknown>();

  const create = useAction(async () => {
    const tags = tagMap(form.Tags);
    const out = await wa.send(
      new CreateWorkloadCommand({
        ...createInput(workloadMembers(form)),
        Lenses: [FRAMEWORK_LENS, ...lensChoice.lenses],
        ProfileArns: lensChoice.profileArn ? [lensChoice.profileArn] : undefined,
        ReviewTemplateArns: lensChoice.templateArn ? [lensChoice.templateArn] : undefined,
        Tags: Object.keys(tags).length ? tags : undefined,
      }),
    );
    navigate(`/workloads/${segment(out.WorkloadId!)}`);
  }, `Workload ${form.WorkloadName} defined.`);

  useEffect(() => {
    if (!create.error) return;
    const byMember = memberErrors(create.error, 'WorkloadName');
    setErrors(byMember);
    setUnplaced(Object.keys(byMember).length ? undefined : create.error);
    // A property the API rejected is corrected on the first step; the form keeps everything typed.
    if (Object.keys(byMember).some((m) => !LENS_STEP_MEMBERS.includes(m))) setStep(0);
    focusFirstError();
  }, [create.error]);

  const checkProperties = () => {
    const problems = checkWorkloadForm(form);
    setErrors(problems);
    if (Object.keys(problems).length === 0) return true;
    focusFirstError();
    return false;
  };
  const submit = async () => {
    if (!checkProperties()) return setStep(0);
    setUnplaced(undefined);
    await create.run();
  };
  const changeForm = (next: WorkloadFormState) => {
    const changed = (Object.keys(next) as Array<keyof WorkloadFormState>).filter((k) => next[k] !== form[k]);
    setForm(next);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([m]) => !changed.includes(m as keyof WorkloadFormState))));
  };
  // Told before any typing when the workload could not be defined anyway.
  const can = usePermissions(['CreateWorkload']);
  const propertyErrorCount = Object.keys(errors).filter((m) => !LENS_STEP_MEMBERS.includes(m)).length;

  return (
    <Page breadcrumbs={[WORKLOADS_CRUMB, { text: 'Define workload', href: '/workloads/new' }]}>
      {!can.CreateWorkload.allowed && (
        <Alert type="warning" header="You cannot define workloads">
          {can.CreateWorkload.reason}
        </Alert>
      )}
      <Wizard
        activeStepIndex={step}
        submitButtonText="Define workload"
        isLoadingNextStep={create.running}
        onCancel={() => navigate('/workloads')}
        onSubmit={submit}
        onNavigate={(e) => {
          if (e.detail.requestedStepIndex > step && !checkProperties()) return;
          setStep(e.detail.requestedStepIndex);
        }}
        i18nStrings={{
          stepNumberLabel: (n) => `Step ${n}`,
          collapsedStepsLabel: (n, count) => `Step ${n} of ${count}`,
          navigationAriaLabel: 'Steps',
          cancelButton: 'Cancel',
          previousButton: 'Previous',
          nextButton: 'Next',
          optional: 'optional',
        }}
        steps={[
          {
            title: 'Specify properties',
            description: 'Describe the workload: what it is, who owns its review, where it runs.',
            errorText:
              propertyErrorCount > 0
                ? `${propertyErrorCount === 1 ? 'A field needs' : `${propertyErrorCount} fields need`} correcting before the workload can be defined: see the message at each field.`
                : undefined,
            content: (
              <WorkloadPropertiesForm
                value={form}
                onChange={changeForm}
                errors={errors}
              />
            ),
          },
          {
            title: 'Apply lenses',
            description: 'Choose the lenses to review the workload against.',
            errorText: unplaced ? `${describeError(unplaced).title}: ${describeError(unplaced).message}` : undefined,
            content: (
              <LensesStep
                choices={choices.data}
                loading={choices.loading}
                loadError={choices.error}
                value={lensChoice}
                onChange={setLensChoice}
                errors={errors}
              />
            ),
          },
        ]}
      />
    </Page>
  );
}
