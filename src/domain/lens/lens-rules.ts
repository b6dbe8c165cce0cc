/**
 * Every limit of the lens format ("Lens format specification"), in one place, as data.
 * The validator walks a document and applies these; change a limit here, not there.
 * Risk-rule checks (at most three rules, one default, conditions) live with the
 * risk-rule language in ../risk-rules/compile-risk-rules.
 */
export interface TextLimit {
  required: boolean;
  /** Characters (Unicode code points). */
  minLength: number;
  maxLength: number;
}

export interface ListLimit {
  minItems: number;
  /** Absent when the limit is checked elsewhere (risk rules: by compileRiskRules). */
  maxItems?: number;
  /** Singular noun for messages: "must have at most 10 pillars". */
  noun: string;
}

/** "A custom lens cannot exceed 500 KB": read as 500,000 bytes of UTF-8, the ImportLens JSONString limit. */
export const LENS_MAX_BYTES = 500_000;

/** Pillar, question and choice ids: 3 to 128 letters, digits and underscores. */
export const LENS_ID: TextLimit = { required: true, minLength: 3, maxLength: 128 };
export const LENS_ID_PATTERN = /^[A-Za-z0-9_]*$/;
/**
 * The AWS-provided lenses' question ids contain hyphens (`cloud-financial-management`),
 * and scripts written for the hosted tool use them, so built-in lenses may too.
 */
export const BUILTIN_LENS_ID_PATTERN = /^[A-Za-z0-9_-]*$/;

/** Helpful resources and improvement plans may only link to web pages. */
export const LENS_URL_SCHEMES = ['http://', 'https://'] as const;

const title: TextLimit = { required: true, minLength: 1, maxLength: 128 };
const longText: TextLimit = { required: true, minLength: 1, maxLength: 2048 };
const optionalLongText: TextLimit = { required: false, minLength: 0, maxLength: 2048 };

export const LENS_RULES = {
  lens: {
    schemaVersion: { required: true, minLength: 1, maxLength: Number.POSITIVE_INFINITY },
    name: title,
    description: longText,
    pillars: { minItems: 1, maxItems: 10, noun: 'pillar' },
  },
  pillar: {
    name: title,
    questions: { minItems: 1, maxItems: 20, noun: 'question' },
  },
  question: {
    title,
    description: optionalLongText,
    choices: { minItems: 1, maxItems: 15, noun: 'choice' },
    // At most MAX_RISK_RULES: compileRiskRules checks that along with the rules themselves.
    riskRules: { minItems: 1, noun: 'risk rule' },
  },
  choice: {
    title,
    description: optionalLongText,
  },
  /** `helpfulResource` of a question or choice: displayText is required when url is given. */
  helpfulResource: { displayText: optionalLongText },
  /** Required on every choice except "None of these" (id ending in `_no`). */
  improvementPlan: { displayText: longText },
} satisfies Record<string, Record<string, TextLimit | ListLimit>>;
