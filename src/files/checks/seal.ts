/**
 * The work proof's red seal: looked for on a scan (a heuristic), and only a reminder on a PDF
 * (no pixels to look at).
 */
import { ruleValue } from '../../rules/rule-access.js';
import { pct } from '../measures.js';
import { isPdf, isScan, one, uploadCheck } from './check.js';

export const sealReminder = uploadCheck({
  name: 'seal-reminder',
  ids: ['seal.missing'],
  rules: [],
  severity: { fixed: ['info'], why: 'a PDF is not looked at for a seal: a reminder' },
  applies: (facts) => isPdf(facts) && facts.role === 'work-proof',
  run: () => [{ id: 'seal.missing', severity: 'info', args: { variant: 'pdf' } }],
});

export const sealMissing = uploadCheck({
  name: 'seal-missing',
  ids: ['seal.missing'],
  rules: ['upload.seal'],
  severity: 'rule',
  applies: (facts, ruleSet) => isScan(facts, ruleSet) && facts.role === 'work-proof' && facts.content !== undefined,
  run: (facts, ruleSet) => {
    const seal = ruleValue(ruleSet, 'upload.seal');
    const red = facts.content!.red;
    const found =
      red !== null &&
      red.share >= seal.minRedShare &&
      red.blobWidth >= seal.minBlobWidth &&
      red.blobWidth <= seal.maxBlobWidth &&
      red.blobAspect >= seal.minAspect &&
      red.blobAspect <= seal.maxAspect;
    return one(
      !found && {
        id: 'seal.missing',
        severity: seal.severity,
        measured: { redShare: red?.share ?? 0, blobWidth: red?.blobWidth ?? 0, blobAspect: red?.blobAspect ?? 0 },
        expected: {
          minRedShare: seal.minRedShare,
          blobWidth: `${seal.minBlobWidth}–${seal.maxBlobWidth}`,
          aspect: `${seal.minAspect}–${seal.maxAspect}`,
        },
        args: {
          share: pct(red?.share ?? 0),
          width: pct(red?.blobWidth ?? 0),
          aspect: red?.blobAspect ?? 0,
          heuristic: true,
        },
      },
    );
  },
});
