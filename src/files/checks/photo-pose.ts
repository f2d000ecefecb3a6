/** The head turned, tilted or rolled beyond the rule's angles. */
import { ruleValue } from '../../rules/rule-access.js';
import type { FaceBox } from '../../model/files.js';
import type { Finding, Severity } from '../../model/finding.js';
import { one, uploadCheck } from './check.js';
import { oneFace, theFace } from './photo-face.js';

/** The photo.pose finding for a face beyond the given angles (the user's photo, or the written norm). */
export function poseFinding(
  face: Pick<FaceBox, 'yaw' | 'pitch' | 'roll'>,
  limits: { maxYaw: number; maxPitch: number; maxRoll: number },
  severity: Severity,
): Finding<'photo.pose'> | undefined {
  const turned =
    Math.abs(face.yaw) > limits.maxYaw
      ? 'yaw'
      : Math.abs(face.pitch) > limits.maxPitch
        ? 'pitch'
        : Math.abs(face.roll) > limits.maxRoll
          ? 'roll'
          : null;
  if (turned === null) return undefined;
  return {
    id: 'photo.pose',
    severity,
    measured: { yaw: face.yaw, pitch: face.pitch, roll: face.roll },
    expected: { maxYaw: limits.maxYaw, maxPitch: limits.maxPitch, maxRoll: limits.maxRoll },
    args: {
      variant: turned,
      yaw: Math.round(face.yaw),
      pitch: Math.round(face.pitch),
      roll: Math.round(face.roll),
      max: turned === 'yaw' ? limits.maxYaw : turned === 'pitch' ? limits.maxPitch : limits.maxRoll,
    },
  };
}

export const photoPose = uploadCheck({
  name: 'photo-pose',
  ids: ['photo.pose'],
  rules: ['upload.photo.pose'],
  severity: 'rule',
  applies: oneFace,
  run: (facts, ruleSet) => {
    const pose = ruleValue(ruleSet, 'upload.photo.pose');
    return one(poseFinding(theFace(facts), pose, pose.severity) ?? false);
  },
});
