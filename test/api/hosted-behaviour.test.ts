import { randomBytes } from 'node:crypto';
import {
  CreateLensShareCommand,
  CreateLensVersionCommand,
  CreateProfileCommand,
  CreateProfileShareCommand,
  CreateReviewTemplateCommand,
  CreateTemplateShareCommand,
  CreateWorkloadCommand,
  CreateWorkloadShareCommand,
  GetAnswerCommand,
  GetGlobalSettingsCommand,
  GetReviewTemplateAnswerCommand,
  GetLensReviewCommand,
  GetLensReviewReportCommand,
  GetWorkloadCommand,
  ImportLensCommand,
  ListAnswersCommand,
  ListLensesCommand,
  ListLensReviewImprovementsCommand,
  ListShareInvitationsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAnswerCommand,
  UpdateGlobalSettingsCommand,
  UpdateLensReviewCommand,
  UpdateReviewTemplateAnswerCommand,
  UpdateShareInvitationCommand,
  UpgradeLensReviewCommand,
  UpgradeReviewTemplateLensReviewCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, defaultRoot, startServerWithAccounts, type Actor } from '../support/accounts';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { lensDocument, lensJson, smallLens, type PillarSpec } from '../support/lens-files';
import type { TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * What ../shared/reference/aws-behaviour.md says the hosted service does and programs
 * written against it rely on, through the official SDK: custom lenses as the hosted
 * import takes them (items 6-12), the errors programs catch about lens reviews (item 14)
 * and accepting a share by the id CreateXShare returned (item 15).
 */

const token = () => randomBytes(8).toString('hex');
const PROFILE_QUESTIONS = [
  { QuestionId: 'business_goals', SelectedChoiceIds: ['goal_availability'] },
  { QuestionId: 'criticality', SelectedChoiceIds: ['criticality_supporting'] },
  { QuestionId: 'regulation', SelectedChoiceIds: ['regulation_none'] },
  { QuestionId: 'lifecycle_stage', SelectedChoiceIds: ['stage_retiring'] },
  { QuestionId: 'traffic_pattern', SelectedChoiceIds: ['traffic_steady'] },
];

describe.each(storeKinds())('hosted behaviour on %s', (kind) => {
  let server: TestServer;
  let owner: Actor;
  let recipient: Actor;
  let client: WellArchitectedClient;
  let n = 0;
  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
    owner = defaultRoot(server);
    client = owner.client;
    recipient = await createAccount(server, '444455556666');
  });
  afterAll(() => server?.close());

  const newWorkload = async (Lenses = ['wellarchitected']) =>
    (await client.send(new CreateWorkloadCommand({ WorkloadName: `Hosted ${++n}`, Description: 'Hosted behaviour', Environment: 'PRODUCTION', Lenses }))).WorkloadId!;
  const publishedLens = async (name: string) => {
    const { LensArn } = await client.send(new ImportLensCommand({ JSONString: smallLens(name), ClientRequestToken: token() }));
    await client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '1.0', ClientRequestToken: token() }));
    return LensArn!;
  };

  describe('custom lenses as the hosted service imports them (items 6-12)', () => {
    const importDoc = (doc: object) => client.send(new ImportLensCommand({ JSONString: JSON.stringify(doc), ClientRequestToken: token() }));
    const publishDoc = async (doc: object) => {
      const { LensArn } = await importDoc(doc);
      await client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '1.0', ClientRequestToken: token() }));
      return LensArn!;
    };
    const answer = (WorkloadId: string, LensAlias: string, QuestionId: string, SelectedChoices: string[]) =>
      client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias, QuestionId, SelectedChoices }));

    it('accepts a question without a default rule: unanswered while nothing is selected, its rules score, a selection no rule matches is high', async () => {
      const doc = lensDocument(`No default ${kind}`, [{ id: 'readiness', questions: [{ id: 'q_orr' }, { id: 'q_plain' }] }]);
      doc.pillars[0].questions[0].riskRules = [
        { condition: 'q_orr_a && q_orr_b', risk: 'NO_RISK' },
        { condition: 'q_orr_a', risk: 'MEDIUM_RISK' },
      ];
      const LensAlias = await publishDoc(doc);
      const WorkloadId = await newWorkload(['wellarchitected', LensAlias]);
      expect((await client.send(new GetAnswerCommand({ WorkloadId, LensAlias, QuestionId: 'q_orr' }))).Answer?.Risk).toBe('UNANSWERED');
      expect((await answer(WorkloadId, LensAlias, 'q_orr', ['q_orr_a', 'q_orr_b'])).Answer?.Risk).toBe('NONE');
      expect((await answer(WorkloadId, LensAlias, 'q_orr', ['q_orr_a'])).Answer?.Risk).toBe('MEDIUM');
      expect((await answer(WorkloadId, LensAlias, 'q_orr', ['q_orr_b'])).Answer?.Risk).toBe('HIGH');
      expect((await answer(WorkloadId, LensAlias, 'q_orr', [])).Answer?.Risk).toBe('UNANSWERED');
      const { LensReview } = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias }));
      expect(LensReview?.RiskCounts).toMatchObject({ UNANSWERED: 2, HIGH: 0 });
    });

    it('reads an empty url as no url', async () => {
      const doc = lensDocument(`Empty urls ${kind}`, [{ id: 'basics', questions: [{ id: 'q_one' }] }]);
      const question = doc.pillars[0].questions[0] as Record<string, unknown> & { choices: Array<Record<string, unknown>> };
      question.helpfulResource = { displayText: 'Background', url: '' };
      question.choices[0].helpfulResource = { displayText: 'Why', url: '' };
      question.choices[0].improvementPlan = { displayText: 'Start here', url: '' };
      const LensAlias = await publishDoc(doc);
      const WorkloadId = await newWorkload(['wellarchitected', LensAlias]);
      const { Answer } = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias, QuestionId: 'q_one' }));
      expect(Answer?.HelpfulResourceUrl).toBeUndefined();
      expect(Answer?.HelpfulResourceDisplayText).toBe('Background');
      expect(Answer?.Choices?.[0]).toMatchObject({ HelpfulResource: { DisplayText: 'Why' }, ImprovementPlan: { DisplayText: 'Start here' } });
      expect(Answer?.Choices?.[0].HelpfulResource?.Url).toBeUndefined();
      expect(Answer?.Choices?.[0].ImprovementPlan?.Url).toBeUndefined();
    });

    it('accepts texts at the hosted maxima, returns them whole, and refuses one character more naming the field, its path and the question', async () => {
      const long = (n: number) => 'Long text, '.repeat(Math.ceil(n / 11)).slice(0, n);
      const doc = lensDocument(`Long texts ${kind}`, [{ id: 'basics', questions: [{ id: 'q_long' }] }]) as ReturnType<typeof lensDocument> & Record<string, never>;
      const question = doc.pillars[0].questions[0] as Record<string, unknown> & { choices: Array<Record<string, unknown>> };
      question.title = long(128);
      question.description = long(2048);
      question.helpfulResource = { displayText: long(2048) };
      question.choices[0].title = long(128);
      question.choices[0].helpfulResource = { displayText: long(2048) };
      question.choices[0].improvementPlan = { displayText: long(2048) };
      const LensAlias = await publishDoc(doc);
      const WorkloadId = await newWorkload(['wellarchitected', LensAlias]);
      const { Answer } = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias, QuestionId: 'q_long' }));
      expect(Answer).toMatchObject({ QuestionTitle: long(128), QuestionDescription: long(2048), HelpfulResourceDisplayText: long(2048) });
      expect(Answer?.Choices?.[0]).toMatchObject({ Title: long(128), HelpfulResource: { DisplayText: long(2048) }, ImprovementPlan: { DisplayText: long(2048) } });

      question.title = long(129);
      question.description = long(2049);
      question.choices[0].improvementPlan = { displayText: long(2049) };
      doc.name = `Too long ${kind}`;
      await expectFieldErrors(importDoc(doc), [
        ['pillars[0].questions[0].title', /at most 128 characters \(is 129\) \(question q_long\) \[maxLength\]$/],
        ['pillars[0].questions[0].description', /at most 2048 characters \(is 2049\) \(question q_long\) \[maxLength\]$/],
        ['pillars[0].questions[0].choices[0].improvementPlan.displayText', /\(question q_long\) \[maxLength\]$/],
      ]);
    });

    it('refuses the characters the hosted service refuses in names, titles and descriptions, and accepts them in display texts', async () => {
      const doc = lensDocument(`Characters; ${kind}`, [{ id: 'basics', name: 'Pillar <one>', questions: [{ id: 'q_chars', title: 'Which [tools] do you use?' }] }]);
      const error = await expectFieldErrors(importDoc(doc), [
        ['name', /\(has ";"\) \[characters\]$/],
        // lensDocument writes the name into the description too.
        ['description', /\(has ";"\) \[characters\]$/],
        ['pillars[0].name', /\(has "<" ">"\) \[characters\]$/],
        ['pillars[0].questions[0].title', /\(has "\[" "\]"\) \(question q_chars\) \[characters\]$/],
      ]);
      expect(error.Fields).toHaveLength(4);
      const fine = lensDocument(`Characters fine ${kind}`, [{ id: 'basics', questions: [{ id: 'q_chars', title: "What's (really) #1 & done? Team's A/B: yes!" }] }]);
      (fine.pillars[0].questions[0].choices[0] as Record<string, unknown>).improvementPlan = { displayText: 'Any text; even <this> = {"that"} [x] $|~ 100%' };
      expect((await importDoc(fine)).LensArn).toBeDefined();
    });

    it('answers ImportLens with LensArn alone, and lists the draft at once under DRAFT and ALL, not PUBLISHED', async () => {
      const output = await importDoc(lensDocument(`Draft listing ${kind}`, [{ id: 'basics', questions: [{ id: 'q_one' }] }]));
      const { $metadata: _metadata, ...members } = output;
      expect(Object.keys(members).filter((k) => members[k as keyof typeof members] !== undefined)).toEqual(['LensArn']);
      const listed = async (LensStatus: 'DRAFT' | 'ALL' | 'PUBLISHED') =>
        ((await client.send(new ListLensesCommand({ LensType: 'CUSTOM_SELF', LensStatus }))).LensSummaries ?? []).filter((l) => l.LensArn === output.LensArn);
      expect((await listed('DRAFT')).map((l) => l.LensStatus)).toEqual(['DRAFT']);
      expect((await listed('ALL')).map((l) => l.LensStatus)).toEqual(['DRAFT']);
      expect(await listed('PUBLISHED')).toEqual([]);
    });
  });

  describe('practices marked not applicable in risk rules (item 2, every measured case)', () => {
    const choices = (ids: string[]) => [
      ...ids.map((id) => ({ id, title: `Practice ${id}`, improvementPlan: { displayText: `Adopt ${id}` } })),
      { id: 'none_no', title: 'None of these' },
    ];
    const question = (id: string, ids: string[], rules: Array<[string, string]>) => ({
      id,
      title: `How do you handle ${id}?`,
      choices: choices(ids),
      riskRules: rules.map(([condition, risk]) => ({ condition, risk })),
    });
    let LensAlias: string;
    beforeAll(async () => {
      const doc = {
        schemaVersion: '2021-11-01',
        name: `Not applicable rules ${kind}`,
        description: 'Measured cases of not-applicable practices',
        pillars: [
          {
            id: 'measured',
            name: 'Measured',
            questions: [
              question('q_four', ['p_one', 'p_two', 'p_three', 'p_four'], [['p_one && p_two && p_three && p_four', 'NO_RISK'], ['p_one && p_two', 'MEDIUM_RISK'], ['default', 'HIGH_RISK']]),
              question('q_scope', ['core', 'scope', 'other'], [['core && (scope || other)', 'NO_RISK'], ['core', 'MEDIUM_RISK'], ['default', 'HIGH_RISK']]),
              question('q_either', ['x_one', 'y_one'], [['x_one && y_one', 'NO_RISK'], ['x_one || y_one', 'MEDIUM_RISK'], ['default', 'HIGH_RISK']]),
            ],
          },
        ],
      };
      const { LensArn } = await client.send(new ImportLensCommand({ JSONString: JSON.stringify(doc), ClientRequestToken: token() }));
      await client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '1.0', ClientRequestToken: token() }));
      LensAlias = LensArn!;
    });

    it.each([
      ['three selected, the fourth not applicable', 'q_four', ['p_one', 'p_two', 'p_three'], ['p_four'], 'NONE'],
      ['the first selected, the second not applicable', 'q_four', ['p_one'], ['p_two'], 'MEDIUM'],
      ['all four not applicable, nothing selected', 'q_four', [], ['p_one', 'p_two', 'p_three', 'p_four'], 'NONE'],
      ['one not applicable, nothing selected', 'q_four', [], ['p_four'], 'HIGH'],
      ['core && (scope || other), core selected, scope not applicable', 'q_scope', ['core'], ['scope'], 'MEDIUM'],
      ['a medium rule x || y, y not applicable, nothing selected', 'q_either', [], ['y_one'], 'HIGH'],
    ])('%s', async (_case, QuestionId, SelectedChoices, notApplicable, risk) => {
      const WorkloadId = await newWorkload(['wellarchitected', LensAlias]);
      // No Reason given: it is optional and stored as NONE.
      const ChoiceUpdates = Object.fromEntries(notApplicable.map((id) => [id, { Status: 'NOT_APPLICABLE' as const }]));
      const { Answer } = await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias, QuestionId, SelectedChoices, ChoiceUpdates }));
      expect(Answer?.Risk).toBe(risk);
      expect(Answer?.ChoiceAnswers?.filter((c) => c.Status === 'NOT_APPLICABLE')).toEqual(notApplicable.map((ChoiceId) => ({ ChoiceId, Status: 'NOT_APPLICABLE', Reason: 'NONE' })));
      const { LensReview } = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias }));
      expect(LensReview?.RiskCounts?.[risk as 'HIGH']).toBe(1);
    });

    it('refuses to mark "None of these" not applicable', async () => {
      const WorkloadId = await newWorkload(['wellarchitected', LensAlias]);
      await expectFieldErrors(
        client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias, QuestionId: 'q_four', ChoiceUpdates: { none_no: { Status: 'NOT_APPLICABLE' } } })),
        [['ChoiceUpdates.none_no', /cannot be marked not applicable/]],
      );
    });
  });

  describe('upgrades carry over what the hosted service carries over (item 13)', () => {
    // q_renew keeps its id but every choice id is new; q_skip (does not apply) too; q_retire goes; q_new comes.
    const V1: PillarSpec[] = [{ id: 'delivery', questions: [{ id: 'q_keep' }, { id: 'q_renew' }, { id: 'q_skip' }, { id: 'q_retire' }] }];
    const V2: PillarSpec[] = [
      {
        id: 'delivery',
        questions: [{ id: 'q_keep' }, { id: 'q_renew', choices: ['q_renew_c', 'q_renew_d'] }, { id: 'q_skip', choices: ['q_skip_c'] }, { id: 'q_new' }],
      },
    ];
    const NOTES = 'Notes written on version 1, kept word for word.';
    const twoVersions = async (name: string, beforeV2: (LensAlias: string) => Promise<void>) => {
      const { LensArn } = await client.send(new ImportLensCommand({ JSONString: lensJson(name, V1), ClientRequestToken: token() }));
      await client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '1.0', ClientRequestToken: token() }));
      await beforeV2(LensArn!);
      await client.send(new ImportLensCommand({ JSONString: lensJson(name, V2), LensAlias: LensArn!, ClientRequestToken: token() }));
      await client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '2.0', IsMajorVersion: true, ClientRequestToken: token() }));
      return LensArn!;
    };

    it('for workloads: selections of all-new choice ids cleared, notes and not-applicable kept, retired questions gone but in the milestone', async () => {
      let WorkloadId = '';
      const LensAlias = await twoVersions(`Upgraded workload ${kind}`, async (lens) => {
        WorkloadId = await newWorkload(['wellarchitected', lens]);
        const answer = (QuestionId: string, rest: object) => client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: lens, QuestionId, ...rest }));
        await answer('q_keep', { SelectedChoices: ['q_keep_a'] });
        await answer('q_renew', { SelectedChoices: ['q_renew_a', 'q_renew_b'], Notes: NOTES });
        await answer('q_skip', { SelectedChoices: ['q_skip_a'], IsApplicable: false, Reason: 'OUT_OF_SCOPE', Notes: NOTES });
        await answer('q_retire', { SelectedChoices: ['q_retire_a'] });
      });
      await client.send(new UpgradeLensReviewCommand({ WorkloadId, LensAlias, MilestoneName: 'Before 2.0', ClientRequestToken: token() }));
      const get = async (QuestionId: string, MilestoneNumber?: number) =>
        (await client.send(new GetAnswerCommand({ WorkloadId, LensAlias, QuestionId, MilestoneNumber }))).Answer!;
      expect(await get('q_keep')).toMatchObject({ SelectedChoices: ['q_keep_a'], Risk: 'MEDIUM' });
      expect(await get('q_renew')).toMatchObject({ SelectedChoices: [], ChoiceAnswers: [], Risk: 'UNANSWERED', Notes: NOTES });
      expect(await get('q_skip')).toMatchObject({ SelectedChoices: [], IsApplicable: false, Reason: 'OUT_OF_SCOPE', Risk: 'NOT_APPLICABLE', Notes: NOTES });
      expect(await get('q_new')).toMatchObject({ SelectedChoices: [], Risk: 'UNANSWERED' });
      const retired = await expectError(get('q_retire'), 'ValidationException');
      expect(retired.message).toContain('No question with ID q_retire was found');
      // The milestone the upgrade saved holds the whole earlier review.
      expect(await get('q_retire', 1)).toMatchObject({ SelectedChoices: ['q_retire_a'] });
      expect(await get('q_renew', 1)).toMatchObject({ SelectedChoices: ['q_renew_a', 'q_renew_b'], Risk: 'NONE' });
      const { LensReview } = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias }));
      expect(LensReview).toMatchObject({ LensVersion: '2.0', RiskCounts: { MEDIUM: 1, NOT_APPLICABLE: 1, UNANSWERED: 2, HIGH: 0, NONE: 0 } });
    });

    it('for review templates, the same way', async () => {
      let TemplateArn = '';
      const LensAlias = await twoVersions(`Upgraded template ${kind}`, async (lens) => {
        ({ TemplateArn = '' } = await client.send(
          new CreateReviewTemplateCommand({ TemplateName: `Upgraded template ${++n}`, Description: 'Upgrades', Lenses: [lens], ClientRequestToken: token() }),
        ));
        const answer = (QuestionId: string, rest: object) => client.send(new UpdateReviewTemplateAnswerCommand({ TemplateArn, LensAlias: lens, QuestionId, ...rest }));
        await answer('q_keep', { SelectedChoices: ['q_keep_a'] });
        await answer('q_renew', { SelectedChoices: ['q_renew_a'], Notes: NOTES });
        await answer('q_skip', { IsApplicable: false, Reason: 'BUSINESS_PRIORITIES' });
        await answer('q_retire', { SelectedChoices: ['q_retire_a'] });
      });
      await client.send(new UpgradeReviewTemplateLensReviewCommand({ TemplateArn, LensAlias, ClientRequestToken: token() }));
      const get = async (QuestionId: string) => (await client.send(new GetReviewTemplateAnswerCommand({ TemplateArn, LensAlias, QuestionId }))).Answer!;
      expect(await get('q_keep')).toMatchObject({ SelectedChoices: ['q_keep_a'] });
      expect(await get('q_renew')).toMatchObject({ SelectedChoices: [], ChoiceAnswers: [], Notes: NOTES, AnswerStatus: 'UNANSWERED' });
      expect(await get('q_skip')).toMatchObject({ IsApplicable: false, Reason: 'BUSINESS_PRIORITIES' });
      const retired = await expectError(get('q_retire'), 'ValidationException');
      expect(retired.message).toContain('No question with ID q_retire was found');
    });
  });

  describe('tags on custom lens, profile and review template ARNs (item 16)', () => {
    const Tags = { team: 'platform', cost: '42' };
    const creators: Array<[string, () => Promise<string>]> = [
      [
        'custom lens',
        async () => (await client.send(new ImportLensCommand({ JSONString: smallLens(`Tagged lens ${kind}`), Tags, ClientRequestToken: token() }))).LensArn!,
      ],
      [
        'profile',
        async () =>
          (await client.send(new CreateProfileCommand({ ProfileName: `Tagged ${++n}`, ProfileDescription: 'Tagged', ProfileQuestions: PROFILE_QUESTIONS, Tags, ClientRequestToken: token() })))
            .ProfileArn!,
      ],
      [
        'review template',
        async () =>
          (await client.send(new CreateReviewTemplateCommand({ TemplateName: `Tagged ${++n}`, Description: 'Tagged', Lenses: ['wellarchitected'], Tags, ClientRequestToken: token() })))
            .TemplateArn!,
      ],
    ];

    it.each(creators)('%s: the tags given at creation, TagResource, UntagResource and ListTagsForResource', async (_kind, create) => {
      const WorkloadArn = await create();
      expect((await client.send(new ListTagsForResourceCommand({ WorkloadArn }))).Tags).toEqual(Tags);
      await client.send(new TagResourceCommand({ WorkloadArn, Tags: { stage: 'beta', cost: '43' } }));
      expect((await client.send(new ListTagsForResourceCommand({ WorkloadArn }))).Tags).toEqual({ team: 'platform', cost: '43', stage: 'beta' });
      await client.send(new UntagResourceCommand({ WorkloadArn, TagKeys: ['team', 'stage'] }));
      expect((await client.send(new ListTagsForResourceCommand({ WorkloadArn }))).Tags).toEqual({ cost: '43' });
      // Only the owner's account sees or changes them.
      await expectError(recipient.client.send(new TagResourceCommand({ WorkloadArn, Tags: { a: 'b' } })), 'ResourceNotFoundException');
      await expectError(recipient.client.send(new ListTagsForResourceCommand({ WorkloadArn })), 'ResourceNotFoundException');
    });
  });

  describe('GetGlobalSettings and UpdateGlobalSettings (issue 14 item 9)', () => {
    it('starts with everything disabled, stores each member and gives it back, per account', async () => {
      const settings = async (actor: Actor) => {
        const { $metadata: _metadata, ...members } = await actor.client.send(new GetGlobalSettingsCommand({}));
        return members;
      };
      const initial = {
        OrganizationSharingStatus: 'DISABLED',
        DiscoveryIntegrationStatus: 'DISABLED',
        JiraConfiguration: { IntegrationStatus: 'NOT_CONFIGURED', IssueManagementStatus: 'DISABLED' },
      };
      const other = await createAccount(server, '444455550001');
      expect(await settings(other)).toEqual(initial);
      await other.client.send(new UpdateGlobalSettingsCommand({ DiscoveryIntegrationStatus: 'ENABLED' }));
      await other.client.send(
        new UpdateGlobalSettingsCommand({ JiraConfiguration: { IssueManagementStatus: 'ENABLED', IssueManagementType: 'MANUAL', JiraProjectKey: 'WAR_2026' } }),
      );
      expect(await settings(other)).toEqual({
        OrganizationSharingStatus: 'DISABLED',
        DiscoveryIntegrationStatus: 'ENABLED',
        JiraConfiguration: { IntegrationStatus: 'NOT_CONFIGURED', IssueManagementStatus: 'ENABLED', IssueManagementType: 'MANUAL', JiraProjectKey: 'WAR_2026' },
      });
      // Members not given keep their values; IntegrationStatus NOT_CONFIGURED disconnects Jira.
      await other.client.send(new UpdateGlobalSettingsCommand({ OrganizationSharingStatus: 'ENABLED', JiraConfiguration: { IntegrationStatus: 'NOT_CONFIGURED' } }));
      expect(await settings(other)).toEqual({ ...initial, OrganizationSharingStatus: 'ENABLED', DiscoveryIntegrationStatus: 'ENABLED' });
      await expectFieldErrors(other.client.send(new UpdateGlobalSettingsCommand({ JiraConfiguration: { JiraProjectKey: 'lower-case' } })), [
        [/JiraProjectKey/, /./],
      ]);
      // Another account's settings are its own.
      const fresh = await createAccount(server, '444455550002');
      expect(await settings(fresh)).toEqual(initial);
    });

    it('refuses lens and workload shares with organizations and OUs while organization sharing is disabled', async () => {
      const sharer = await createAccount(server, '444455550003', { organizationId: 'o-fidelity0001' });
      const { LensArn } = await sharer.client.send(new ImportLensCommand({ JSONString: smallLens(`Org shared ${kind}`), ClientRequestToken: token() }));
      await sharer.client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '1.0', ClientRequestToken: token() }));
      const { WorkloadId } = await sharer.client.send(
        new CreateWorkloadCommand({ WorkloadName: `Org shared ${kind}`, Description: 'Org sharing', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }),
      );
      const shareLens = (SharedWith: string) => sharer.client.send(new CreateLensShareCommand({ LensAlias: LensArn!, SharedWith, ClientRequestToken: token() }));
      for (const SharedWith of ['o-fidelity0001', 'ou-fide-lity00001']) {
        await expectFieldErrors(shareLens(SharedWith), [['SharedWith', /organization sharing is disabled/]]);
      }
      await expectFieldErrors(sharer.client.send(new CreateWorkloadShareCommand({ WorkloadId, SharedWith: 'o-fidelity0001', PermissionType: 'READONLY' })), [
        ['SharedWith', /organization sharing is disabled/],
      ]);
      // Shares with accounts are not affected.
      await sharer.client.send(new CreateWorkloadShareCommand({ WorkloadId, SharedWith: recipient.accountId, PermissionType: 'READONLY' }));
      await sharer.client.send(new UpdateGlobalSettingsCommand({ OrganizationSharingStatus: 'ENABLED' }));
      expect((await shareLens('o-fidelity0001')).ShareId).toMatch(/^[0-9a-f]{32}$/);
      expect((await shareLens('ou-fide-lity00001')).ShareId).toMatch(/^[0-9a-f]{32}$/);
    });
  });

  describe('a lens alias not applied to the workload (item 14)', () => {
    it('is a ValidationException "No lens review for lens alias" on every operation that names a lens review', async () => {
      const WorkloadId = await newWorkload();
      const lensArn = await publishedLens(`Not applied ${kind}`);
      for (const LensAlias of ['serverless', lensArn]) {
        const calls: Array<[string, () => Promise<unknown>]> = [
          ['GetLensReview', () => client.send(new GetLensReviewCommand({ WorkloadId, LensAlias }))],
          ['UpdateLensReview', () => client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias, LensNotes: 'notes' }))],
          ['GetLensReviewReport', () => client.send(new GetLensReviewReportCommand({ WorkloadId, LensAlias }))],
          ['ListLensReviewImprovements', () => client.send(new ListLensReviewImprovementsCommand({ WorkloadId, LensAlias }))],
          ['ListAnswers', () => client.send(new ListAnswersCommand({ WorkloadId, LensAlias }))],
          ['GetAnswer', () => client.send(new GetAnswerCommand({ WorkloadId, LensAlias, QuestionId: 'q_one' }))],
          ['UpdateAnswer', () => client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias, QuestionId: 'q_one', SelectedChoices: [] }))],
        ];
        for (const [operation, call] of calls) {
          const error = await expectError(call(), 'ValidationException');
          expect(error.message, `${operation} ${LensAlias}`).toContain(`No lens review for lens alias ${LensAlias}`);
        }
      }
    });
  });

  describe("a share's invitation has the share's id (item 15)", () => {
    const acceptById = async (ShareId: string) => {
      const listed = (await recipient.client.send(new ListShareInvitationsCommand({}))).ShareInvitationSummaries ?? [];
      expect(listed.map((i) => i.ShareInvitationId)).toContain(ShareId);
      const { ShareInvitation } = await recipient.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: ShareId, ShareInvitationAction: 'ACCEPT' }));
      expect(ShareInvitation?.ShareInvitationId).toBe(ShareId);
      return ShareInvitation!;
    };

    it('for workloads', async () => {
      const WorkloadId = await newWorkload();
      const { ShareId } = await client.send(new CreateWorkloadShareCommand({ WorkloadId, SharedWith: recipient.accountId, PermissionType: 'READONLY' }));
      expect((await acceptById(ShareId!)).WorkloadId).toBe(WorkloadId);
      const { Workload } = await recipient.client.send(new GetWorkloadCommand({ WorkloadId }));
      expect(Workload?.ShareInvitationId).toBe(ShareId);
    });

    it('for lenses', async () => {
      const LensAlias = await publishedLens(`Shared by id ${kind}`);
      const { ShareId } = await client.send(new CreateLensShareCommand({ LensAlias, SharedWith: recipient.accountId, ClientRequestToken: token() }));
      expect((await acceptById(ShareId!)).LensArn).toBe(LensAlias);
    });

    it('for profiles', async () => {
      const { ProfileArn } = await client.send(
        new CreateProfileCommand({ ProfileName: `Shared by id ${++n}`, ProfileDescription: 'Shared', ProfileQuestions: PROFILE_QUESTIONS, ClientRequestToken: token() }),
      );
      const { ShareId } = await client.send(new CreateProfileShareCommand({ ProfileArn, SharedWith: recipient.accountId, ClientRequestToken: token() }));
      expect((await acceptById(ShareId!)).ProfileArn).toBe(ProfileArn);
    });

    it('for review templates', async () => {
      const { TemplateArn } = await client.send(
        new CreateReviewTemplateCommand({ TemplateName: `Shared by id ${++n}`, Description: 'Shared', Lenses: ['wellarchitected'], ClientRequestToken: token() }),
      );
      const { ShareId } = await client.send(new CreateTemplateShareCommand({ TemplateArn, SharedWith: recipient.accountId, ClientRequestToken: token() }));
      expect((await acceptById(ShareId!)).TemplateArn).toBe(TemplateArn);
    });
  });
});
