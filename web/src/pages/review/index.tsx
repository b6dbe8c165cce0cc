import Button from '@cloudscape-design/components/button';
import { Page } from '../commons/page';
import Container from '@cloudscape-design/components/container';
import Grid from '@cloudscape-design/components/grid';
import HelpPanel from '@cloudscape-design/components/help-panel';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { describeError, ErrorAlert } from '../commons/error-alert';
import { segment } from '../commons/format';
import { useHelpPanel } from '../commons/help-panel';
import { lensReviewCrumbs, lensReviewPath, questionNumber, questionPath } from '../commons/lens-answers';
import { usePermissions } from '../commons/permissions';
import { useNotifications } from '../commons/notifications';
import { useAction } from '../commons/use-action';
import { draftRisk } from './draft-risk';
import { HelpfulResources, type InfoFocus } from './helpful-resources';
import { ChecksHidden } from '../commons/check-status';
import { useLensReviewChecks } from '../commons/checks';
import { ContradictionAlert, contradictedPractices } from './contradictions';
import { usePracticeRisks, useQuestion, useReviewContext } from './hooks';
import { QuestionForm } from './question-form';
import { QuestionNav } from './question-nav';

const STICKY_ACTIONS = { position: 'sticky', bottom: 0, zIndex: 1, background: 'white', marginTop: 16, padding: '8px 0', borderTop: '1px solid #e9ebed' } as const;

/** Reviewing a workload, one question at a time: the guide's "Question page" and its three panels. */
export default function ReviewPage() {
  const params = useParams();
  const workloadId = params.workloadId ?? '';
  const lensAlias = params.lensAlias ?? '';
  const questionId = params.questionId ?? '';
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const context = useReviewContext(workloadId, lensAlias);
  const question = useQuestion(workloadId, lensAlias, questionId);
  const practiceRisks = usePracticeRisks(workloadId, lensAlias);
  const checks = useLensReviewChecks(workloadId, lensAlias, { questionId });
  const [savedRisks, setSavedRisks] = useState<Record<string, string>>({});
  const [focus, setFocus] = useState<InfoFocus>({});
  useEffect(() => setFocus({}), [questionId]);
  // On each new question, start at its top and put keyboard focus there (after Next, focus would stay at the bottom).
  const questionTop = useRef<HTMLDivElement>(null);
  const shownQuestion = question.answer?.QuestionId;
  useEffect(() => {
    if (!shownQuestion) return;
    window.scrollTo({ top: 0 });
    questionTop.current?.focus({ preventScroll: true });
  }, [shownQuestion]);

  // Closing or reloading the tab with unsaved choices asks first (links inside the page save before leaving).
  useEffect(() => {
    if (!question.changed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [question.changed]);

  const pillars = useMemo(() => context.data?.pillars ?? [], [context.data]);
  const order = useMemo(() => pillars.flatMap((p) => p.answers.map((a) => a.QuestionId ?? '')), [pillars]);
  const position = order.indexOf(questionId);
  const pillar = pillars.find((p) => p.answers.some((a) => a.QuestionId === questionId));
  const summary = pillar?.answers.find((a) => a.QuestionId === questionId);
  const number = pillar ? questionNumber(pillar, pillar.answers.findIndex((a) => a.QuestionId === questionId)) : '';
  const lensName = context.data?.review?.LensName ?? lensAlias;
  const workloadName = context.data?.workload?.WorkloadName ?? workloadId;

  const saveQuestion = question.save;
  const save = useAction(
    useCallback(async () => {
      const saved = await saveQuestion();
      if (saved?.QuestionId && saved.Risk) setSavedRisks((risks) => ({ ...risks, [saved.QuestionId!]: saved.Risk! }));
    }, [saveQuestion]),
  );
  /** Saves when something changed, then goes on; a failed save stays here with the reviewer's choices. */
  const saveAndGo = async (path: string, saidWhenSaved?: string) => {
    const changed = question.changed;
    if (!(await save.run())) return;
    if (changed && saidWhenSaved) notify({ type: 'success', content: saidWhenSaved });
    navigate(path);
  };
  const go = (index: number) => void saveAndGo(questionPath(workloadId, lensAlias, order[index]));
  const problems = describeError(save.error).fields;
  const facts = practiceRisks.data?.get(questionId);
  // The risk of the ticks as they are now, by the lens's rules, before any save.
  const liveRisk = question.answer && question.draft ? draftRisk(question.answer, question.draft, facts?.RiskRules) : undefined;
  const can = usePermissions(['UpdateAnswer'], { WorkloadId: workloadId, LensAlias: lensAlias });
  const readOnly = !can.UpdateAnswer.allowed;
  // Checks show only when the account's discovery switch is on; a practice ticked (saved or not) while its checks fail is flagged.
  const shownChecks = checks.data?.shown ? checks.data : undefined;
  const contradicted = contradictedPractices(shownChecks?.byChoice, question.draft?.isApplicable ? question.draft.selected : []);

  // Helpful resources and each practice's Info live in the help panel, which opens beside (or over) the question.
  const answer = question.answer;
  const help = useMemo(
    () => (answer ? <HelpPanel header={<h2>{focus.choiceId ? 'Info' : 'Helpful resources'}</h2>}><HelpfulResources answer={answer} focus={focus} onFocus={setFocus} /></HelpPanel> : undefined),
    [answer, focus],
  );
  const openHelp = useHelpPanel(help);
  const showInfo = useCallback((next: InfoFocus) => {
    setFocus(next);
    openHelp();
  }, [openHelp]);
  const savedNotice = `Answers saved for ${workloadName}.`;

  return (
    <Page
      breadcrumbs={[...lensReviewCrumbs(workloadId, workloadName, lensAlias, lensName), { text: 'Review workload', href: questionPath(workloadId, lensAlias, questionId) }]}
      onFollow={(href) => void saveAndGo(href)}
      title={lensName}
      description={pillar?.PillarName}
    >
      <ErrorAlert error={context.error} />
      {/* Side by side from 688 px of content up, so that the question starts at the top at every laptop width. */}
      <Grid gridDefinition={[{ colspan: { default: 12, xs: 4, m: 3 } }, { colspan: { default: 12, xs: 8, m: 9 } }]}>
        <nav aria-label="Pillars and questions">
          {context.data ? (
            <QuestionNav
              workloadId={workloadId}
              lensAlias={lensAlias}
              pillars={pillars}
              currentQuestionId={questionId}
              savedRisks={savedRisks}
              onNavigate={(path) => void saveAndGo(path)}
            />
          ) : (
            context.loading && <Spinner />
          )}
        </nav>
        <Container>
          {question.error ? (
            <ErrorAlert error={question.error} />
          ) : !question.answer || !question.draft ? (
            <Spinner size="large" />
          ) : (
            <div ref={questionTop} tabIndex={-1} aria-label="Question" style={{ outline: 'none' }}>
              <SpaceBetween size="l">
                {checks.data && !checks.data.shown && <ChecksHidden count={checks.data.practices.length} />}
                <ContradictionAlert practices={contradicted} choices={question.answer.Choices ?? []} />
                <QuestionForm
                  number={number}
                  answer={question.answer}
                  draft={question.draft}
                  disabled={save.running || readOnly}
                  disabledReason={can.UpdateAnswer.reason}
                  prioritized={summary?.QuestionType === 'PRIORITIZED'}
                  practiceRisks={facts?.PracticeRisks}
                  risk={question.changed && liveRisk ? liveRisk : question.answer.Risk}
                  riskUnsaved={question.changed && liveRisk !== undefined}
                  problems={problems}
                  onChange={question.setDraft}
                  onInfo={showInfo}
                  checks={
                    shownChecks && {
                      workloadId,
                      lensArn: shownChecks.LensArn,
                      byChoice: shownChecks.byChoice,
                      contradicted: new Set(contradicted.map((p) => p.ChoiceId)),
                    }
                  }
                />
                {save.error !== undefined && <ErrorAlert error={save.error} onDismiss={save.clearError} />}
              </SpaceBetween>
              {/* Kept in view at the foot of the window, so that moving on never needs a long scroll
                  (sticky within the whole question, so a direct child of it). */}
                <div style={STICKY_ACTIONS}>
                <SpaceBetween direction="horizontal" size="xs">
                  <Button loading={save.running} onClick={() => void saveAndGo(`/workloads/${segment(workloadId)}`, savedNotice)}>
                    Save and exit
                  </Button>
                  <Button disabled={position <= 0 || save.running} onClick={() => go(position - 1)}>
                    Previous
                  </Button>
                  {position >= 0 && position === order.length - 1 ? (
                    <Button variant="primary" loading={save.running} onClick={() => void saveAndGo(lensReviewPath(workloadId, lensAlias), savedNotice)}>
                      Finish
                    </Button>
                  ) : (
                    <Button variant="primary" loading={save.running} disabled={position < 0} onClick={() => go(position + 1)}>
                      Next
                    </Button>
                  )}
                </SpaceBetween>
                </div>
            </div>
          )}
        </Container>
      </Grid>
    </Page>
  );
}
