/**
 * The wire body of a result carrying one answer (UpdateAnswer, GetAnswer). Most
 * of its 5-15 KB are the question and its choices as the lens defines them, the
 * same for every answer to that question: their bytes are built once per
 * question and only the answer's own members are serialized per call. The body
 * says exactly what JSON.stringify of the result says.
 */

interface PresentedAnswer {
  QuestionId: string;
  PillarId: string;
  QuestionTitle: string;
  QuestionDescription?: string;
  ImprovementPlanUrl?: string;
  HelpfulResourceUrl?: string;
  HelpfulResourceDisplayText?: string;
  /** Built once per question and frozen by the service (present.ts): it identifies the question's cached bytes. */
  Choices: readonly object[];
  SelectedChoices: readonly string[];
  ChoiceAnswers: readonly object[];
  IsApplicable: boolean;
  Risk: string;
  Notes?: string;
  Reason?: string;
}

const lensMembersBytes = new WeakMap<readonly object[], Buffer>();

/** The members that come from the lens, as UTF-8 JSON without the braces (to splice into the answer's object). */
function lensMembers(answer: PresentedAnswer): Buffer {
  let bytes = lensMembersBytes.get(answer.Choices);
  if (bytes === undefined) {
    const { QuestionId, PillarId, QuestionTitle, QuestionDescription, ImprovementPlanUrl, HelpfulResourceUrl, HelpfulResourceDisplayText, Choices } = answer;
    const text = JSON.stringify({ QuestionId, PillarId, QuestionTitle, QuestionDescription, ImprovementPlanUrl, HelpfulResourceUrl, HelpfulResourceDisplayText, Choices });
    bytes = Buffer.from(text.slice(1, -1));
    // Only a frozen array is the question's own; any other would be a new key per call.
    if (Object.isFrozen(answer.Choices)) lensMembersBytes.set(answer.Choices, bytes);
  }
  return bytes;
}

/*
 * Bodies are cut from shared slabs: a buffer over 4 KB (as most answers are)
 * would otherwise get an allocation of its own, which cost more than filling it.
 * A slab is freed once every body cut from it is.
 */
const SLAB_BYTES = 256 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabOffset = 0;

function bodyBuffer(size: number): Buffer {
  if (size > SLAB_BYTES / 4) return Buffer.allocUnsafe(size);
  if (slabOffset + size > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabOffset = 0;
  }
  const body = slab.subarray(slabOffset, slabOffset + size);
  // Kept 8-aligned, as Node's own pool does.
  slabOffset = (slabOffset + size + 7) & ~7;
  return body;
}

/** The JSON body of `{ ...members, Answer }`: the answer's own members serialized, the lens's copied from the cache. */
export function answerBody(result: unknown): Buffer {
  const { Answer, ...members } = result as { Answer: PresentedAnswer };
  const { SelectedChoices, ChoiceAnswers, IsApplicable, Risk, Notes, Reason } = Answer;
  const head = JSON.stringify(members);
  // SelectedChoices is always there, so the answer's own object is never empty.
  const own = JSON.stringify({ SelectedChoices, ChoiceAnswers, IsApplicable, Risk, Notes, Reason });
  const before = `${head === '{}' ? '{' : `${head.slice(0, -1)},`}"Answer":{`;
  const after = `,${own.slice(1)}}`;
  // Written straight into one buffer: no intermediate buffers for the two small pieces.
  const lens = lensMembers(Answer);
  const headBytes = Buffer.byteLength(before);
  const body = bodyBuffer(headBytes + lens.length + Buffer.byteLength(after));
  body.write(before, 0);
  lens.copy(body, headBytes);
  body.write(after, headBytes + lens.length);
  return body;
}

interface PresentedSummary {
  QuestionId: string;
  PillarId: string;
  QuestionTitle: string;
  /** Frozen by the service, as an answer's: it identifies the question's cached bytes. */
  Choices: readonly object[];
  SelectedChoices: readonly string[];
  ChoiceAnswerSummaries: readonly object[];
  IsApplicable: boolean;
  Risk: string;
  Reason?: string;
  QuestionType: string;
}

const summaryLensBytes = new WeakMap<readonly object[], Buffer>();

/** An answer summary's members that come from the lens, as UTF-8 JSON opening the summary's object. */
function summaryLensMembers(summary: PresentedSummary): Buffer {
  let bytes = summaryLensBytes.get(summary.Choices);
  if (bytes === undefined) {
    const { QuestionId, PillarId, QuestionTitle, Choices } = summary;
    bytes = Buffer.from(JSON.stringify({ QuestionId, PillarId, QuestionTitle, Choices }).slice(0, -1));
    if (Object.isFrozen(summary.Choices)) summaryLensBytes.set(summary.Choices, bytes);
  }
  return bytes;
}

// Stands for the summaries in the rest of the result's JSON; a string no result member can hold (NUL is refused on input).
const SUMMARIES = '\u0000summaries';
const SUMMARIES_JSON = JSON.stringify(SUMMARIES);

/**
 * The JSON body of a ListAnswers result: each summary's question and choices (most of
 * its 5-10 KB) copied from bytes built once per question, its answer's members
 * serialized per call. The body says exactly what JSON.stringify of the result says.
 */
export function answerSummariesBody(result: unknown): Buffer {
  const { AnswerSummaries } = result as { AnswerSummaries: PresentedSummary[] };
  // The summaries keep their place among the result's members (NextToken comes after them).
  const [before, after] = JSON.stringify({ ...(result as object), AnswerSummaries: SUMMARIES }).split(SUMMARIES_JSON);
  const parts: Buffer[] = [Buffer.from(`${before}[`)];
  AnswerSummaries.forEach((s, i) => {
    const { SelectedChoices, ChoiceAnswerSummaries, IsApplicable, Risk, Reason, QuestionType } = s;
    const own = JSON.stringify({ SelectedChoices, ChoiceAnswerSummaries, IsApplicable, Risk, Reason, QuestionType });
    parts.push(summaryLensMembers(s), Buffer.from(`,${own.slice(1)}${i === AnswerSummaries.length - 1 ? '' : ','}`));
  });
  parts.push(Buffer.from(`]${after}`));
  return Buffer.concat(parts);
}
