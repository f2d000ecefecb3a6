/** The reminder to pass the photo through the official tool, or the note that this is its output. */
import { ruleValue } from '../../rules/rule-access.js';
import { isOfficialOutput, isPhoto, uploadCheck } from './check.js';

export const photoOfficialTool = uploadCheck({
  name: 'photo-official-tool',
  ids: ['photo.official-tool'],
  // The reminder to make the photo with the official tool, which the platform requires.
  shownByDefault: true,
  rules: ['upload.photo.output'],
  severity: { fixed: ['info'], why: 'a reminder, whatever the photo' },
  applies: isPhoto,
  run: (facts, ruleSet) => [
    {
      id: 'photo.official-tool',
      severity: 'info',
      args: {
        variant: isOfficialOutput(facts, ruleSet) ? 'recognised' : 'reminder',
        fileName: ruleValue(ruleSet, 'upload.photo.output').fileName,
      },
    },
  ],
});
