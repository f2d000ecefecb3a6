/** The type: the bytes decide, not the name. One animated image is not one photo. */
import type { Finding } from '../../model/finding.js';
import { ruleValue } from '../../rules/rule-access.js';
import { isDecodable } from '../measures.js';
import { present, typeAllowed, uploadCheck } from './check.js';

/** file.format variants no conversion here can cure (HEIC needs the phone; text, BMP and unknown bytes are not decodable). */
const UNFIXABLE_FORMATS = new Set(['heic', 'text', 'unknown']);
/** A HEIC the WebAssembly decoder read is the exception: fix converts it. */
const curable = (f: Finding) => !(UNFIXABLE_FORMATS.has(String(f.args?.variant)) && !f.args?.convertible);

export const fileType = uploadCheck({
  name: 'file-type',
  ids: ['file.format'],
  rules: ['upload.roles'],
  severity: {
    fixed: ['error', 'warning'],
    why: 'upload.roles lists the types a role takes: another type cannot be uploaded (error); a right type under a wrong extension only risks the portal’s name check (warning)',
  },
  applies: present,
  cures: curable,
  run: (facts, ruleSet) => {
    const spec = ruleValue(ruleSet, 'upload.roles')[facts.role];
    if (!typeAllowed(facts, ruleSet)) {
      return [
        {
          id: 'file.format',
          severity: 'error',
          measured: { type: facts.sniffed, extension: facts.extension, brand: facts.brand ?? null },
          expected: { types: spec.types },
          args: {
            type: facts.sniffed,
            extension: facts.extension,
            allowed: spec.types.join('/'),
            variant:
              facts.sniffed === 'heic'
                ? 'heic'
                : facts.sniffed === 'text'
                  ? 'text'
                  : isDecodable(facts.sniffed)
                    ? 'type'
                    : 'unknown',
            // A HEIC the WebAssembly decoder read can be converted by fix.
            ...(facts.sniffed === 'heic' && facts.image ? { convertible: true } : {}),
          },
        },
      ];
    }
    if (facts.extension === facts.sniffed) return [];
    return [
      {
        id: 'file.format',
        severity: 'warning',
        measured: { type: facts.sniffed, extension: facts.extension },
        expected: { extension: facts.sniffed },
        args: { type: facts.sniffed, extension: facts.extension, allowed: spec.types.join('/'), variant: 'extension' },
      },
    ];
  },
});

export const fileAnimated = uploadCheck({
  name: 'file-animated',
  ids: ['file.format'],
  rules: ['upload.roles'],
  severity: { fixed: ['error'], why: 'an image with several frames is not one photo or one scan' },
  applies: (facts) => present(facts) && facts.image !== undefined && facts.image.pages > 1,
  cures: (f) => f.args?.variant === 'animated',
  run: (facts, ruleSet) => [
    {
      id: 'file.format',
      severity: 'error',
      measured: { pages: facts.image?.pages ?? null },
      expected: { pages: 1 },
      args: {
        type: facts.sniffed,
        extension: facts.extension,
        allowed: ruleValue(ruleSet, 'upload.roles')[facts.role].types.join('/'),
        variant: 'animated',
      },
    },
  ],
});
