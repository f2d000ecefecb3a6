/**
 * Zod's issues as problem codes with arguments: the words live in the catalogues, so a
 * Chinese user never reads zod's English. Custom checks carry their code as their message (`schema.…`).
 */
import type { z } from 'zod';
import type { Problem } from '../errors.js';

/** Where a problem is: the file (for a --rules file) and the dotted path inside it. */
export interface Place {
  file?: string;
  where: string;
}

export const problemAt = (place: Place, key: string, args: Record<string, string> = {}): Problem => ({
  key,
  args: { ...(place.file ? { file: place.file } : {}), where: place.where, ...args },
});

function keyOf(issue: z.core.$ZodIssue): { key: string; args?: Record<string, string> } {
  if (issue.message.startsWith('schema.')) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'schema.type', args: { expected: String(issue.expected) } };
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'int')
        return { key: issue.inclusive ? 'schema.at-least' : 'schema.above', args: { limit: String(issue.minimum) } };
      return { key: 'schema.too-few', args: { limit: String(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'int')
        return { key: issue.inclusive ? 'schema.at-most' : 'schema.below', args: { limit: String(issue.maximum) } };
      return { key: 'schema.too-many', args: { limit: String(issue.maximum) } };
    case 'invalid_value':
      return { key: 'schema.one-of', args: { allowed: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'schema.unknown-keys', args: { keys: issue.keys.join(', ') } };
    default:
      return { key: 'schema.invalid' };
  }
}

/** Every issue of a failed parse, each placed under `where`. */
export const schemaProblems = (place: Place, issues: z.core.$ZodIssue[]): Problem[] =>
  issues.map((issue) => {
    const { key, args } = keyOf(issue);
    return problemAt(
      { ...place, where: [place.where, ...issue.path.map(String)].filter(Boolean).join('.') },
      key,
      args,
    );
  });
