/** The border of the photo: too dark, a colour cast, or uneven. */
import { ruleValue } from '../../rules/rule-access.js';
import { isPhoto, one, uploadCheck } from './check.js';

export const photoBackground = uploadCheck({
  name: 'photo-background',
  ids: ['photo.background'],
  rules: ['upload.photo.background'],
  severity: 'rule',
  applies: (facts, ruleSet) => isPhoto(facts, ruleSet) && facts.content !== undefined,
  // Whitened only with the models and one face.
  cures: (f) => Boolean(f.args?.whiten),
  run: (facts, ruleSet) => {
    const border = facts.content!.border;
    const bg = ruleValue(ruleSet, 'upload.photo.background');
    const [r, g, b] = border.mean;
    const problems = [
      Math.min(r, g, b) < bg.minMean ? 'dark' : null,
      border.cast > bg.maxCast ? 'cast' : null,
      border.spread > bg.maxSpread ? 'uneven' : null,
    ].filter((p): p is string => p !== null);
    return one(
      problems.length > 0 && {
        id: 'photo.background',
        severity: bg.severity,
        measured: { r, g, b, cast: border.cast, spread: border.spread },
        expected: { minMean: bg.minMean, maxCast: bg.maxCast, maxSpread: bg.maxSpread },
        // Fix can whiten the background only when the models found exactly one face.
        args: {
          r,
          g,
          b,
          cast: border.cast,
          spread: border.spread,
          problems: problems.join(','),
          minMean: bg.minMean,
          ...(facts.face?.faces.length === 1 ? { whiten: true } : {}),
        },
      },
    );
  },
});
