import type { CompiledQuestion } from '../../domain/lens/compiled-lens';
import { withJsonBody } from '../json-text';
import type { presentAnswer } from './present';

/**
 * The JSON of an answer as UpdateAnswer returns it. Most of its 5-15 KB are the
 * question and its choices as the lens defines them, the same for every answer
 * to that question: their bytes are built once per compiled question (a lens
 * version) and only the answer's own members are serialized per call.
 */

type PresentedAnswer = ReturnType<typeof presentAnswer>;

const lensMembersBytes = new WeakMap<CompiledQuestion, Buffer>();

/** The members that come from the lens, as UTF-8 JSON without the braces (to splice into the answer's object). */
function lensMembers(question: CompiledQuestion, answer: PresentedAnswer): Buffer {
  let bytes = lensMembersBytes.get(question);
  if (bytes === undefined) {
    const { QuestionId, PillarId, QuestionTitle, QuestionDescription, ImprovementPlanUrl, HelpfulResourceUrl, HelpfulResourceDisplayText, Choices } = answer;
    const text = JSON.stringify({ QuestionId, PillarId, QuestionTitle, QuestionDescription, ImprovementPlanUrl, HelpfulResourceUrl, HelpfulResourceDisplayText, Choices });
    bytes = Buffer.from(text.slice(1, -1));
    lensMembersBytes.set(question, bytes);
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

/**
 * An operation result `{ ...members, Answer }` that carries its JSON body: the
 * answer's own members are serialized, the lens's are copied from the cache.
 */
export function withAnswerJson<T extends { Answer: PresentedAnswer }>(question: CompiledQuestion, output: T): T {
  const { Answer, ...members } = output;
  const { SelectedChoices, ChoiceAnswers, IsApplicable, Risk, Notes, Reason } = Answer;
  const head = JSON.stringify(members);
  // SelectedChoices is always there, so the answer's own object is never empty.
  const own = JSON.stringify({ SelectedChoices, ChoiceAnswers, IsApplicable, Risk, Notes, Reason });
  const before = `${head === '{}' ? '{' : `${head.slice(0, -1)},`}"Answer":{`;
  const after = `,${own.slice(1)}}`;
  // Written straight into one buffer: no intermediate buffers for the two small pieces.
  const lens = lensMembers(question, Answer);
  const headBytes = Buffer.byteLength(before);
  const body = bodyBuffer(headBytes + lens.length + Buffer.byteLength(after));
  body.write(before, 0);
  lens.copy(body, headBytes);
  body.write(after, headBytes + lens.length);
  return withJsonBody(output, body);
}
