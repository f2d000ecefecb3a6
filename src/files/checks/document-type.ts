/** Is the education PDF one of the reports the platform takes? */
import type { Finding } from '../../model/finding.js';
import { ruleValue } from '../../rules/rule-access.js';
import { isScan, uploadCheck } from './check.js';
import { readablePdf } from './pdf-structure.js';

export const documentType = uploadCheck({
  name: 'document-type',
  ids: ['document.type'],
  // What the report was read as: the candidate confirms it is the right document.
  shownByDefault: true,
  rules: ['document.kinds'],
  severity: {
    fixed: ['info', 'warning'],
    why: 'document.kinds says which reports are accepted; a recognised one is a note (info), any other a doubt for the reviewer to settle (warning)',
  },
  applies: (facts) => readablePdf(facts) && facts.role === 'diploma' && facts.document !== undefined,
  run: (facts, ruleSet): Finding<'document.type'>[] => {
    const document = facts.document!;
    const kinds = ruleValue(ruleSet, 'document.kinds').kinds;
    const kind = kinds.find((k) => k.id === document.kind);
    const measured = { kind: document.kind, textChars: document.textChars, imageOnlyPages: document.imageOnlyPages };
    if (kind?.accepted) {
      return [
        {
          id: 'document.type',
          severity: 'info',
          measured,
          args: {
            variant: 'recognised',
            kind: kind.id,
            holder: document.holder ?? '',
            id: document.idNumber ?? '',
            validUntil: document.validUntil ?? '',
            level: document.levelText ?? '',
            major: document.major ?? '',
            code: document.code ?? '',
          },
        },
      ];
    }
    const variant = document.kind === 'scan' ? 'scan' : kind ? kind.id : document.textLayer ? 'other' : 'empty';
    return [
      {
        id: 'document.type',
        severity: 'warning',
        measured,
        expected: { kinds: kinds.filter((k) => k.accepted).map((k) => k.id) },
        args: { variant },
      },
    ];
  },
});

/**
 * A picture (a phone shot or scan of the paper diploma) given as the education document: the
 * platform takes one only for qualifications its online check cannot see (before electronic
 * registration, below 大专, from abroad); otherwise it wants the 学信网 PDF report.
 */
export const documentImage = uploadCheck({
  name: 'document-image',
  ids: ['document.type'],
  // What the report was read as: the candidate confirms it is the right document.
  shownByDefault: true,
  rules: ['document.kinds', 'registration.platform'],
  severity: {
    fixed: ['warning'],
    why: 'a picture may be right (an old or overseas qualification) or not (the platform wants the 学信网 PDF): a doubt for the candidate to settle, never a block',
  },
  applies: (facts, ruleSet) => facts.role === 'diploma' && isScan(facts, ruleSet),
  run: (facts, ruleSet): Finding<'document.type'>[] => [
    {
      id: 'document.type',
      severity: 'warning',
      measured: { type: facts.sniffed ?? null },
      expected: {
        kinds: ruleValue(ruleSet, 'document.kinds')
          .kinds.filter((k) => k.accepted)
          .map((k) => k.id),
      },
      args: { variant: 'image', fromYear: ruleValue(ruleSet, 'registration.platform').educationOnlineFromYear },
    },
  ],
});
