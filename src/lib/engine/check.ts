/**
 * Cross-reference checks that zod's shape checks cannot make: every name a file uses must exist
 * in the file or the vocabulary, and every source paragraph in the cited article.
 */
import type {
  Guard,
  History,
  LikelihoodScale,
  Probability,
  Scenario,
  SourceRef,
  Vocabulary
} from './schema';
import { closestName } from './suggest';
import { didYouMean, type ValidationIssue } from './issues';
import { indexDrivers } from './vocabulary';
import { quarterIndex } from './quarter';

/** An article's paragraphs by ¶ number (index 0 is ¶1), where the numbered text is at hand. */
export type ArticleNumbering = Record<string, string[]>;

function issueList(file: string) {
  const list: ValidationIssue[] = [];
  const add = (path: string, message: string, severity: ValidationIssue['severity'] = 'error') =>
    list.push({ severity, file, path, message });
  return { list, add };
}

function isCombinator(guard: Guard): boolean {
  return guard.type === 'and' || guard.type === 'or' || guard.type === 'not';
}

/** Quotes are compared with spacing and quote marks folded, so a line break does not matter. */
function fold(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

export function checkVocabulary(
  vocabulary: Vocabulary,
  file: string,
  articles?: ArticleNumbering
): ValidationIssue[] {
  const { list, add } = issueList(file);
  const seen = new Set<string>();
  vocabulary.drivers.forEach((d, i) => {
    if (seen.has(d.id)) add(`drivers[${i}].id`, `duplicate driver id "${d.id}"`);
    seen.add(d.id);
    d.sources.forEach((source, j) => {
      const article = articles?.[source.ref];
      if (!articles) return;
      if (!article) {
        const slugs = Object.keys(articles);
        add(
          `drivers[${i}].sources[${j}].ref`,
          `no numbered article "${source.ref}"; expected one of ${slugs.join(', ')}${didYouMean(closestName(source.ref, slugs))}`
        );
      } else if (article[source.para - 1] === undefined) {
        add(
          `drivers[${i}].sources[${j}].para`,
          `¶${source.para} does not exist in ${source.ref} (it has ¶1–¶${article.length})`
        );
      }
    });
    const levels = new Set<string>();
    d.levels.forEach((l, j) => {
      if (levels.has(l.id)) add(`drivers[${i}].levels[${j}].id`, `duplicate level id "${l.id}"`);
      levels.add(l.id);
    });
  });
  return list;
}

export interface ScenarioCheckContext {
  vocabulary: Vocabulary;
  likelihood: LikelihoodScale;
  /** When given, every `para` must exist in the cited article and every quote appear in it. */
  articles?: ArticleNumbering;
  /** Event topics of the record that are not drivers, which claims may name as evidence. */
  otherTopics?: readonly string[];
}

/** Pure. Checks names and sources; the model's behaviour is checked by modelCheck.ts. */
export function checkScenario(
  scenario: Scenario,
  file: string,
  context: ScenarioCheckContext
): ValidationIssue[] {
  const { list, add } = issueList(file);
  const drivers = indexDrivers(context.vocabulary);
  const stateIds = Object.keys(scenario.states);
  const article = context.articles?.[scenario.source.ref];

  // An article without a numbered copy here is cited as its author gives it: by URL, with the
  // paragraph numbers and quotes in the file, which a reader checks against the original.
  if (context.articles && !article) {
    if (scenario.source.url) {
      add(
        'source.ref',
        `no numbered copy of "${scenario.source.ref}"; its paragraphs and quotes are taken as the file gives them, to be checked against ${scenario.source.url}`,
        'warning'
      );
    } else {
      add(
        'source.ref',
        `no numbered article "${scenario.source.ref}"; expected one of ${Object.keys(context.articles).join(', ')}${didYouMean(closestName(scenario.source.ref, Object.keys(context.articles)))}, or the article's \`url\` to cite it by your own paragraph numbers`
      );
    }
  }

  const checkSource = (path: string, source: SourceRef) => {
    if (!article) return;
    const paragraph = article[source.para - 1];
    if (paragraph === undefined) {
      add(
        `${path}.para`,
        `¶${source.para} does not exist in ${scenario.source.ref} (it has ¶1–¶${article.length})`
      );
    } else if (source.quote && !fold(paragraph).includes(fold(source.quote))) {
      add(`${path}.quote`, `the quote does not appear in ${scenario.source.ref} ¶${source.para}`);
    }
  };

  const checkState = (path: string, id: string) => {
    if (!scenario.states[id]) {
      add(
        path,
        `unknown state "${id}"; expected one of ${stateIds.join(', ')}${didYouMean(closestName(id, stateIds))}`
      );
    }
  };

  const checkDriver = (path: string, driver: string): boolean => {
    if (drivers.levels.has(driver)) return true;
    add(
      path,
      `unknown driver "${driver}"; expected one of ${drivers.ids.join(', ')}${didYouMean(closestName(driver, drivers.ids))}`
    );
    return false;
  };

  const checkLevel = (path: string, driver: string, level: string) => {
    const levels = drivers.levels.get(driver) ?? [];
    if (!levels.includes(level)) {
      add(
        path,
        `unknown level "${level}" for ${driver}; expected one of ${levels.join(', ')}${didYouMean(closestName(level, levels))}`
      );
    }
  };

  /** `cited`: a transition's conditions each say where they come from; a claim's test need not. */
  const checkGuard = (path: string, guard: Guard, cited = false) => {
    if (cited && !isCombinator(guard)) {
      const source = (guard as { source?: SourceRef }).source;
      if (source) checkSource(`${path}.source`, source);
      else
        add(
          `${path}.source`,
          'every condition says where it comes from: `source: { para, basis: stated, quote }` or `{ para, basis: reading, why }`'
        );
    }
    switch (guard.type) {
      case 'driverIs':
        if (checkDriver(`${path}.params.driver`, guard.params.driver)) {
          guard.params.levels.forEach((l, i) =>
            checkLevel(`${path}.params.levels[${i}]`, guard.params.driver, l)
          );
        }
        return;
      case 'driverAtLeast':
      case 'driverAtMost':
        if (checkDriver(`${path}.params.driver`, guard.params.driver)) {
          if (!drivers.ordered.get(guard.params.driver)) {
            add(
              `${path}.type`,
              `${guard.params.driver} has no order, so ${guard.type} cannot apply; expected driverIs`
            );
          }
          checkLevel(`${path}.params.level`, guard.params.driver, guard.params.level);
        }
        return;
      case 'from':
      case 'until':
        return;
      case 'and':
      case 'or':
        guard.params.guards.forEach((g, i) => checkGuard(`${path}.params.guards[${i}]`, g, cited));
        return;
      case 'not':
        checkGuard(`${path}.params.guard`, guard.params.guard, cited);
    }
  };

  const checkTerm = (path: string, probability: Probability) => {
    const terms = context.likelihood.terms.map((x) => x.id);
    if (probability.term !== undefined && !terms.includes(probability.term)) {
      add(
        `${path}.term`,
        `unknown likelihood term "${probability.term}"; expected one of ${terms.join(', ')}${didYouMean(closestName(probability.term, terms))}`
      );
    }
    checkSource(`${path}.source`, probability.source);
  };

  checkState('start.state', scenario.start.state);
  checkSource('start.source', scenario.start.source);
  for (const [id, state] of Object.entries(scenario.states)) {
    checkSource(`states.${id}.source`, state.source);
  }

  const transitionIds = new Set<string>();
  scenario.transitions.forEach((t, i) => {
    const path = `transitions[${i}]`;
    if (transitionIds.has(t.id)) add(`${path}.id`, `duplicate transition id "${t.id}"`);
    transitionIds.add(t.id);
    checkState(`${path}.from`, t.from);
    checkState(`${path}.to`, t.to);
    checkGuard(`${path}.guard`, t.guard, true);
    checkSource(`${path}.source`, t.source);
    if (t.probability) {
      checkTerm(`${path}.probability`, t.probability);
      if (t.trigger === 'always') {
        add(`${path}.probability`, 'an `always` transition fires at once and takes no probability');
      }
    }
  });

  for (const [driver, assumption] of Object.entries(scenario.assumptions.drivers)) {
    const path = `assumptions.drivers.${driver}`;
    if (checkDriver(path, driver)) checkLevel(`${path}.level`, driver, assumption.level);
    checkSource(`${path}.source`, assumption.source);
  }
  const start = quarterIndex(scenario.start.quarter) ?? 0;
  scenario.assumptions.changes.forEach((c, i) => {
    const path = `assumptions.changes[${i}]`;
    if (checkDriver(`${path}.driver`, c.driver)) {
      if (c.level !== undefined) checkLevel(`${path}.level`, c.driver, c.level);
      c.fork?.forEach((b, j) => {
        checkLevel(`${path}.fork[${j}].level`, c.driver, b.level);
        checkTerm(`${path}.fork[${j}].probability`, b.probability);
      });
    }
    if ((quarterIndex(c.from) ?? 0) <= start) {
      add(`${path}.from`, `expected a quarter after the start (${scenario.start.quarter})`);
    }
    checkSource(`${path}.source`, c.source);
  });
  const topics = [...drivers.ids, ...(context.otherTopics ?? [])];
  const claimIds = new Set<string>();
  scenario.claims.forEach((c, i) => {
    const path = `claims[${i}]`;
    if (claimIds.has(c.id)) add(`${path}.id`, `duplicate claim id "${c.id}"`);
    claimIds.add(c.id);
    checkSource(`${path}.source`, c.source);
    if ((quarterIndex(c.window.until) ?? 0) < (quarterIndex(c.window.from) ?? 0)) {
      add(`${path}.window.until`, `expected a quarter at or after ${c.window.from}`);
    }
    c.topics.forEach((t, j) => {
      if (!topics.includes(t)) {
        add(
          `${path}.topics[${j}]`,
          `unknown topic "${t}"; expected a driver or one of the record's other topics${didYouMean(closestName(t, topics))}`
        );
      }
    });
    if (c.test?.when) checkGuard(`${path}.test.when`, c.test.when);
  });
  return list;
}

/** Pure. Every quarter names every driver at a valid level; every event a known topic. */
export function checkHistory(history: History, file: string, vocabulary: Vocabulary) {
  const { list, add } = issueList(file);
  const drivers = indexDrivers(vocabulary);
  const topics = [...drivers.ids, ...history.otherTopics];
  history.events.forEach((e, i) => {
    if (!topics.includes(e.driver)) {
      add(
        `events[${i}].driver`,
        `unknown topic "${e.driver}"; expected a driver or one of otherTopics${didYouMean(closestName(e.driver, topics))}`
      );
    }
  });
  let previous: number | null = null;
  history.quarters.forEach((q, i) => {
    const index = quarterIndex(q.quarter);
    if (previous !== null && index !== previous + 1) {
      add(
        `quarters[${i}].quarter`,
        `expected the quarter after the previous entry; got ${q.quarter}`
      );
    }
    previous = index;
    for (const [driver, level] of Object.entries(q.drivers)) {
      const levels = drivers.levels.get(driver);
      if (!levels) {
        add(
          `quarters[${i}].drivers.${driver}`,
          `unknown driver "${driver}"${didYouMean(closestName(driver, drivers.ids))}`
        );
      } else if (!levels.includes(level)) {
        add(
          `quarters[${i}].drivers.${driver}`,
          `unknown level "${level}"; expected one of ${levels.join(', ')}${didYouMean(closestName(level, levels))}`
        );
      }
    }
  });
  // A driver the record leaves out is "not recorded" there, never a reason to refuse the file.
  for (const id of drivers.ids) {
    const missing = history.quarters.filter((q) => !(id in q.drivers)).map((q) => q.quarter);
    if (missing.length) {
      add(
        'quarters',
        `driver "${id}" is not recorded in ${missing.length} quarter(s) (${missing[0]}${missing.length > 1 ? `–${missing.at(-1)}` : ''}); views show it as not recorded and the scorecard leaves those quarters unscored`,
        'warning'
      );
    }
  }
  return list;
}
