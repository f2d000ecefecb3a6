/**
 * What an upload check is: a named pure function from a file's facts and the rules to findings,
 * declaring the finding ids it can produce, the rules it reads, where its severity comes from and
 * whether a fixed copy can cure what it finds. src/files/checks/index.ts lists them in output order.
 */
import type { Finding, Severity } from '../../model/finding.js';
import type { FileFacts } from '../../model/files.js';
import type { RuleId, RuleSet } from '../../model/rules.js';
import { ruleValue } from '../../rules/rule-access.js';

/**
 * Where a check's severity comes from: the `severity` of the rule it reads, or a fixed value where
 * the finding is a fact about the file rather than a platform rule (a missing or corrupt file is
 * always an error; a reminder is always info). Fixed severities are listed with the reason.
 */
export type SeveritySource =
  | 'rule'
  | {
      readonly fixed: readonly Severity[];
      readonly why: string;
      /** Some of its findings take the rule's severity, the listed ones are fixed. */
      readonly alsoRule?: boolean;
    };

export interface UploadCheck<Id extends string = string> {
  /** A stable name for tests and for reading the list (kebab-case, like the module). */
  readonly name: string;
  /** The finding ids it can produce. */
  readonly ids: readonly Id[];
  /** The rules it reads. */
  readonly rules: readonly RuleId[];
  readonly severity: SeveritySource;
  /** Whether these facts are ones this check looks at (the stage it belongs to). */
  readonly applies: (facts: FileFacts, ruleSet: RuleSet) => boolean;
  readonly run: (facts: FileFacts, ruleSet: RuleSet) => Finding<Id>[];
  /** When it finds something, nothing else is checked (a missing, unreadable or empty file). */
  readonly alone?: boolean;
  /**
   * Whether a fixed copy (conversion, size, crop, rotation, density, colour space) cures this one
   * of its findings; absent when only a new photo or scan can. Info findings are never cured.
   */
  readonly cures?: (finding: Finding) => boolean;
  /**
   * Whether its info findings are shown without --verbose (warnings and errors always are): the
   * reminders a candidate must read even in a short report. `INFO_SHOWN_BY_DEFAULT` in
   * src/model/finding.ts lists their ids for the renderers.
   */
  readonly shownByDefault?: boolean;
}

/** Declares a check (only to infer its ids as a literal union). */
export const uploadCheck = <const Id extends string>(check: UploadCheck<Id>): UploadCheck<Id> => check;

/** The file's real type is one its role accepts. */
export const typeAllowed = (facts: FileFacts, ruleSet: RuleSet): boolean =>
  (ruleValue(ruleSet, 'upload.roles')[facts.role].types as string[]).includes(facts.sniffed);

/** The file could be opened at all (exists, readable, not empty). */
export const present = (facts: FileFacts): boolean => facts.exists && facts.readable && facts.bytes > 0;

/** A PDF whose structure was read. */
export const isPdf = (facts: FileFacts): boolean => present(facts) && facts.pdf !== undefined;

/** An image that was decoded and whose content is checked (a photo in another format still is: fix converts it). */
export const decodedImage = (facts: FileFacts, ruleSet: RuleSet): boolean =>
  present(facts) &&
  !facts.pdf &&
  facts.refusedPixels === undefined &&
  !facts.decodeError &&
  facts.image !== undefined &&
  (facts.role === 'photo' || typeAllowed(facts, ruleSet));

export const isPhoto = (facts: FileFacts, ruleSet: RuleSet): boolean =>
  facts.role === 'photo' && decodedImage(facts, ruleSet);
export const isScan = (facts: FileFacts, ruleSet: RuleSet): boolean =>
  facts.role !== 'photo' && decodedImage(facts, ruleSet);

/** The official photo tool's output: its file name and its exact pixel size, upright. */
export function isOfficialOutput(facts: FileFacts, ruleSet: RuleSet): boolean {
  const output = ruleValue(ruleSet, 'upload.photo.output');
  const image = facts.image;
  return (
    image !== undefined &&
    image.turn === undefined &&
    facts.name === output.fileName &&
    image.orientedWidth === output.width &&
    image.orientedHeight === output.height
  );
}

/** One finding, or none. */
export const one = <Id extends string>(finding: Finding<Id> | null | undefined | false): Finding<Id>[] =>
  finding ? [finding] : [];

export const always = () => true;
