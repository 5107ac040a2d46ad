/**
 * zod schemas for every file under scenarios/, and the types inferred from them. Shape only:
 * cross-references (a state a transition names, a level a driver has) are checked in check.ts,
 * which knows the other files.
 */
import { z } from 'zod';
import { QUARTER_PATTERN } from './quarter';
import { BASES, VERDICTS } from './terms';

// Parse without compiling validators through `new Function`: the site's Content-Security-Policy
// forbids eval, and zod's probe for it is reported as a violation even though zod catches it.
// Set here, beside the schemas, so the site and the CLI validate by the same code path.
z.config({ jitless: true });

const id = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, 'an id of letters, digits and hyphens, starting with a letter');
const quarter = z.string().regex(QUARTER_PATTERN, 'a quarter like 2020Q1');
const text = z.string().trim().min(1, 'a non-empty text');

const MAX_QUOTE_WORDS = 12;

const quoteText = z
  .string()
  .trim()
  .min(1)
  .refine((q) => q.split(/\s+/).length <= MAX_QUOTE_WORDS, {
    message: `a quote of at most ${MAX_QUOTE_WORDS} words`
  });

/**
 * Where an element comes from: a paragraph of the cited article, and whether that paragraph says
 * it (`basis: stated`, with a short verbatim `quote`) or the model infers it (`basis: reading`,
 * with a one-sentence `why`; a quote it is read from may be given too).
 */
export const SourceRef = z
  .strictObject({
    para: z.number().int().min(1),
    basis: z.enum(BASES, {
      error: () =>
        'a basis: `stated` (the paragraph says it; give its quote) or `reading` (the model infers it; say why)'
    }),
    quote: quoteText.optional(),
    why: text.optional()
  })
  .superRefine((s, ctx) => {
    if (s.basis === 'stated' && s.quote === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['quote'],
        message: `a stated element needs a short verbatim quote from ¶${s.para}`
      });
    }
    if (s.basis === 'reading' && s.why === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['why'],
        message: 'a reading needs a one-sentence `why`: what the model infers and from what'
      });
    }
  });
export type SourceRef = z.infer<typeof SourceRef>;

/** A paragraph of a named article, as the driver vocabulary cites it. */
export const ArticleRef = z.strictObject({
  ref: id,
  para: z.number().int().min(1)
});
export type ArticleRef = z.infer<typeof ArticleRef>;

export const Level = z.strictObject({ id, label: text });

export const Driver = z.strictObject({
  id,
  label: text,
  group: text,
  description: text,
  ordered: z.boolean(),
  levels: z.array(Level).min(2, 'at least two levels'),
  sources: z.array(ArticleRef).min(1, 'at least one source'),
  /** Set when a forecast declares the driver itself (`drivers:` in its file), not drivers.yaml. */
  declaredBy: id.optional()
});
export type Driver = z.infer<typeof Driver>;

export const Vocabulary = z.strictObject({ drivers: z.array(Driver).min(1) });
export type Vocabulary = z.infer<typeof Vocabulary>;

export const ScaleLevel = z.strictObject({
  level: z.number().int().min(-3).max(3),
  id,
  label: text,
  meaning: text
});
export const Scale = z.strictObject({
  levels: z.array(ScaleLevel).length(7, 'the seven levels -3 … +3')
});
export type Scale = z.infer<typeof Scale>;

const probabilityNumber = z
  .number()
  .gt(0, 'a probability above 0')
  .max(1, 'a probability of at most 1');

export const LikelihoodTerm = z.strictObject({
  id,
  label: text,
  range: z.tuple([probabilityNumber, probabilityNumber]),
  value: probabilityNumber
});
export const LikelihoodScale = z.strictObject({
  name: text,
  terms: z.array(LikelihoodTerm).min(1)
});
export type LikelihoodScale = z.infer<typeof LikelihoodScale>;

/**
 * A guard as written in a scenario file: XState's `{ type, params }` guard object. A leaf
 * condition in a transition says where it comes from (`source`, with its basis); the compiled
 * machine drops it.
 */
export type Guard =
  | { type: 'driverIs'; params: { driver: string; levels: string[] }; source?: SourceRef }
  | {
      type: 'driverAtLeast' | 'driverAtMost';
      params: { driver: string; level: string };
      source?: SourceRef;
    }
  | { type: 'from' | 'until'; params: { quarter: string }; source?: SourceRef }
  | { type: 'and' | 'or'; params: { guards: Guard[] } }
  | { type: 'not'; params: { guard: Guard } };

export const Guard: z.ZodType<Guard> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('driverIs'),
      params: z.strictObject({
        driver: id,
        levels: z.array(id).min(1, 'at least one level')
      }),
      source: SourceRef.optional()
    }),
    z.strictObject({
      type: z.enum(['driverAtLeast', 'driverAtMost']),
      params: z.strictObject({ driver: id, level: id }),
      source: SourceRef.optional()
    }),
    z.strictObject({
      type: z.enum(['from', 'until']),
      params: z.strictObject({ quarter }),
      source: SourceRef.optional()
    }),
    z.strictObject({
      type: z.enum(['and', 'or']),
      params: z.strictObject({
        guards: z.array(Guard).min(1, 'at least one guard')
      })
    }),
    z.strictObject({
      type: z.literal('not'),
      params: z.strictObject({ guard: Guard })
    })
  ])
);

export const Probability = z
  .strictObject({
    term: id.optional(),
    value: probabilityNumber.optional(),
    withinQuarters: z.number().int().min(1).optional(),
    source: SourceRef
  })
  .refine((p) => (p.term === undefined) !== (p.value === undefined), {
    message: 'either a likelihood `term` or a numeric `value`, not both'
  });
export type Probability = z.infer<typeof Probability>;

/**
 * `reachable: false` excuses a state or transition from the reachability check, with the reason
 * (say, a state the article describes only to rule it out).
 */
const reachability = {
  reachable: z.literal(false).optional(),
  whyUnreachable: text.optional()
};
const reachabilityExplained = (e: { reachable?: false; whyUnreachable?: string }) =>
  e.reachable === undefined || e.whyUnreachable !== undefined;
const reachabilityMessage = {
  message: 'an element marked `reachable: false` needs `whyUnreachable`',
  path: ['whyUnreachable']
};

export const Transition = z
  .strictObject({
    id,
    from: id,
    to: id,
    trigger: z.enum(['quarter', 'always']).default('quarter'),
    priority: z.number().int().optional(),
    guard: Guard,
    probability: Probability.optional(),
    description: text.optional(),
    source: SourceRef,
    ...reachability
  })
  .refine(reachabilityExplained, reachabilityMessage);
export type Transition = z.infer<typeof Transition>;

export const State = z
  .strictObject({
    label: text,
    level: z.number().int().min(-3).max(3),
    description: text,
    source: SourceRef,
    ...reachability
  })
  .refine(reachabilityExplained, reachabilityMessage);
export type State = z.infer<typeof State>;

export const Assumption = z.strictObject({ level: id, source: SourceRef });

/** One branch of a fork the article names but does not decide. */
export const ForkBranch = z.strictObject({ level: id, probability: Probability });
export type ForkBranch = z.infer<typeof ForkBranch>;

/** A driver's level from a quarter on: one `level`, or a `fork` of weighted branches. */
export const AssumptionChange = z
  .strictObject({
    driver: id,
    level: id.optional(),
    fork: z.array(ForkBranch).min(2, 'a fork of at least two branches').optional(),
    from: quarter,
    source: SourceRef
  })
  .refine((c) => (c.level === undefined) !== (c.fork === undefined), {
    message: 'either a `level` or a `fork` of branches, not both'
  });
export type AssumptionChange = z.infer<typeof AssumptionChange>;

/**
 * A checkable claim of the article, scored against the observed record. Either `test` (the
 * verdict is computed from the record's driver levels and relationship level over `window`) or
 * `judged` (the record's drivers cannot express it; the encoder's verdict, with its reason).
 */
export const ClaimTest = z
  .strictObject({
    /** sometime: the condition holds in at least one quarter; always: in every; never: in none. */
    expect: z.enum(['sometime', 'always', 'never']),
    when: Guard.optional(),
    level: z
      .strictObject({
        atLeast: z.number().int().min(-3).max(3).optional(),
        atMost: z.number().int().min(-3).max(3).optional()
      })
      .optional()
  })
  .refine((t) => t.when !== undefined || t.level !== undefined, {
    message: 'a `when` guard on the drivers, a `level` bound, or both'
  });
export type ClaimTest = z.infer<typeof ClaimTest>;

export const Claim = z
  .strictObject({
    id,
    /** The claim in the encoder's words. */
    claim: text,
    source: SourceRef,
    window: z.strictObject({ from: quarter, until: quarter }),
    /** Event topics (drivers or the record's other topics) shown as evidence. */
    topics: z.array(id).min(1, 'at least one topic'),
    test: ClaimTest.optional(),
    judged: z.strictObject({ verdict: z.enum(VERDICTS), reason: text }).optional()
  })
  .refine((c) => (c.test === undefined) !== (c.judged === undefined), {
    message: 'either a `test` computed from the record or a `judged` verdict, not both'
  });
export type Claim = z.infer<typeof Claim>;

export const ScenarioSource = z.strictObject({
  ref: id,
  author: text,
  /** How labels name the author in short; defaults to the last word of `author`. */
  citeAs: text.optional(),
  title: text,
  /**
   * The capture gives no title, so `title` is our description of the article: views show it as a
   * description, never in quotation marks as if it were the author's.
   */
  descriptiveTitle: z.boolean().optional(),
  outlet: text,
  published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'),
  url: z.url().optional()
});

/**
 * A driver a forecast reads that the shared vocabulary (scenarios/drivers.yaml) lacks. Where the
 * observed record has no level for it, its level is "not recorded": views say so and the
 * scorecard leaves those quarters unscored.
 */
export const OwnDriver = z.strictObject({
  id,
  label: text,
  description: text.optional(),
  /** Whether the levels run from low to high (so `driverAtLeast` applies). */
  ordered: z.boolean().default(true),
  levels: z.array(Level).min(2, 'at least two levels'),
  source: SourceRef
});
export type OwnDriver = z.infer<typeof OwnDriver>;

export const Scenario = z.strictObject({
  id,
  source: ScenarioSource,
  thesis: text,
  start: z.strictObject({ quarter, state: id, source: SourceRef }),
  /** The last quarter the forecast looks to; without it, the default horizon's end (2030Q4). */
  until: quarter.optional(),
  drivers: z.array(OwnDriver).optional(),
  states: z.record(id, State).refine((s) => Object.keys(s).length > 0, 'at least one state'),
  transitions: z.array(Transition),
  assumptions: z.strictObject({
    drivers: z.record(id, Assumption),
    changes: z.array(AssumptionChange).default([])
  }),
  claims: z.array(Claim).default([])
});
export type Scenario = z.infer<typeof Scenario>;

export const HistoryEvent = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date as YYYY-MM-DD or YYYY-MM'),
  driver: id,
  direction: z.enum(['warming', 'cooling', 'neutral']),
  summary: text,
  source: z.url()
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const HistoryQuarter = z.strictObject({
  quarter,
  level: z.number().int().min(-3).max(3),
  drivers: z.record(id, id),
  note: text.optional()
});
export type HistoryQuarter = z.infer<typeof HistoryQuarter>;

export const History = z.strictObject({
  about: text,
  scale: z.record(z.string(), z.string()).optional(),
  coverage: z.strictObject({ from: z.string(), to: z.string() }),
  /** Event topics that are not drivers of any forecast but are part of the record. */
  otherTopics: z.array(id).default([]),
  events: z.array(HistoryEvent),
  quarters: z.array(HistoryQuarter).min(1)
});
export type History = z.infer<typeof History>;
