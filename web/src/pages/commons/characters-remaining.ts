/** The API's length limits on free text the console edits (Notes / LensNotes, and a practice's ChoiceNotes). */
export const NOTES_MAX = 2084;
export const CHOICE_NOTES_MAX = 250;

/** "2,084 characters remaining", or how far over the API's limit the text is (for a FormField's constraint or error text). */
export function charactersRemaining(text: string, max: number): { text: string; over: boolean } {
  const left = max - text.length;
  return left >= 0
    ? { text: `${left.toLocaleString('en-US')} characters remaining`, over: false }
    : { text: `${(-left).toLocaleString('en-US')} characters over the limit of ${max.toLocaleString('en-US')}`, over: true };
}
