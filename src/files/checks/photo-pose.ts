/** The head turned, tilted or rolled beyond the rule's angles. */
import { ruleValue } from '../../rules/rule-access.js';
import { one, uploadCheck } from './check.js';
import { oneFace, theFace } from './photo-face.js';

export const photoPose = uploadCheck({
  name: 'photo-pose',
  ids: ['photo.pose'],
  rules: ['upload.photo.pose'],
  severity: 'rule',
  applies: oneFace,
  run: (facts, ruleSet) => {
    const face = theFace(facts);
    const pose = ruleValue(ruleSet, 'upload.photo.pose');
    const turned =
      Math.abs(face.yaw) > pose.maxYaw
        ? 'yaw'
        : Math.abs(face.pitch) > pose.maxPitch
          ? 'pitch'
          : Math.abs(face.roll) > pose.maxRoll
            ? 'roll'
            : null;
    return one(
      turned !== null && {
        id: 'photo.pose',
        severity: pose.severity,
        measured: { yaw: face.yaw, pitch: face.pitch, roll: face.roll },
        expected: { maxYaw: pose.maxYaw, maxPitch: pose.maxPitch, maxRoll: pose.maxRoll },
        args: {
          variant: turned,
          yaw: Math.round(face.yaw),
          pitch: Math.round(face.pitch),
          roll: Math.round(face.roll),
          max: turned === 'yaw' ? pose.maxYaw : turned === 'pitch' ? pose.maxPitch : pose.maxRoll,
        },
      },
    );
  },
});
