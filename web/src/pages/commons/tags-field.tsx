import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import TagEditor, { type TagEditorProps } from '@cloudscape-design/components/tag-editor';

const STRINGS: TagEditorProps.I18nStrings = {
  keyPlaceholder: 'Enter key',
  valuePlaceholder: 'Enter value',
  addButton: 'Add new tag',
  removeButton: 'Remove',
  undoButton: 'Undo',
  undoPrompt: 'This tag will be removed upon saving changes',
  loading: 'Loading tags',
  keyHeader: 'Key',
  valueHeader: 'Value',
  optional: 'optional',
  keySuggestion: 'Custom tag key',
  valueSuggestion: 'Custom tag value',
  emptyTags: 'No tags associated with the resource.',
  tooManyKeysSuggestion: 'You have more keys than can be displayed',
  tooManyValuesSuggestion: 'You have more values than can be displayed',
  keysSuggestionLoading: 'Loading tag keys',
  keysSuggestionError: 'Tag keys could not be retrieved',
  valuesSuggestionLoading: 'Loading tag values',
  valuesSuggestionError: 'Tag values could not be retrieved',
  emptyKeyError: 'You must specify a tag key',
  maxKeyCharLengthError: 'The maximum number of characters you can use in a tag key is 128.',
  maxValueCharLengthError: 'The maximum number of characters you can use in a tag value is 256.',
  duplicateKeyError: 'You must specify a unique tag key.',
  invalidKeyError: 'Invalid key. Keys can only contain Unicode letters, digits, white space and any of the following: _.:/=+@-',
  invalidValueError: 'Invalid value. Values can only contain Unicode letters, digits, white space and any of the following: _.:/=+@-',
  awsPrefixError: 'Cannot start with aws:',
  tagLimit: (available, limit) => (available === limit ? `You can add up to ${limit} tags.` : `You can add up to ${available} more tags.`),
  tagLimitReached: (limit) => `You have reached the limit of ${limit} tags.`,
  tagLimitExceeded: (limit) => `You have exceeded the limit of ${limit} tags.`,
  enteredKeyLabel: (key) => `Use "${key}"`,
  enteredValueLabel: (value) => `Use "${value}"`,
  removeButtonAriaLabel: (tag) => `Remove tag ${tag.key}`,
};

/** The API's Tags map from the editor's rows (rows marked for removal and blank keys left out). */
export function tagsOf(tags: readonly TagEditorProps.Tag[]): Record<string, string> | undefined {
  const kept = tags.filter((t) => !t.markedForRemoval && t.key.trim() !== '');
  return kept.length ? Object.fromEntries(kept.map((t) => [t.key, t.value])) : undefined;
}

/** Tags as the API takes them (at most 50, keys 1–128, values 0–256 characters). */
export function TagsField({ tags, onChange }: { tags: readonly TagEditorProps.Tag[]; onChange(tags: readonly TagEditorProps.Tag[]): void }) {
  return <TagEditor tags={tags} tagLimit={50} i18nStrings={STRINGS} onChange={({ detail }) => onChange(detail.tags)} />;
}

/** The "Tags" section of a create form: the tag editor under its heading, with the API's complaint about the tags. */
export function TagsContainer({
  description,
  errorText,
  tags,
  onChange,
}: {
  description: string;
  errorText: string | undefined;
  tags: readonly TagEditorProps.Tag[];
  onChange(tags: readonly TagEditorProps.Tag[]): void;
}) {
  return (
    <Container header={<Header variant="h2" description={description}>Tags</Header>}>
      <FormField errorText={errorText} stretch>
        <TagsField tags={tags} onChange={onChange} />
      </FormField>
    </Container>
  );
}
