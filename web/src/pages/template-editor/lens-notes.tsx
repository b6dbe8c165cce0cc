import { UpdateReviewTemplateLensReviewCommand } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { charactersRemaining, NOTES_MAX } from '../commons/characters-remaining';
import { memberErrors } from '../commons/member-errors';
import { useAction } from '../commons/use-action';

/** The template's notes on one lens (UpdateReviewTemplateLensReview's LensNotes), copied to workloads with its answers. */
export function LensNotes({ templateArn, lensAlias, notes, readOnly, onSaved }: { templateArn: string; lensAlias: string; notes: string; readOnly: boolean; onSaved(): void }) {
  const wa = useWellArchitected();
  const [text, setText] = useState(notes);
  const save = useAction(async () => {
    await wa.send(new UpdateReviewTemplateLensReviewCommand({ TemplateArn: templateArn, LensAlias: lensAlias, LensNotes: text }));
    onSaved();
  }, 'Lens notes saved.');
  const remaining = charactersRemaining(text, NOTES_MAX);
  const error = memberErrors(save.error).LensNotes ?? (save.error ? (save.error as Error).message : undefined);
  return (
    <ExpandableSection headerText="Lens notes" variant="container" headerDescription={notes ? undefined : 'No notes on this lens yet.'}>
      <SpaceBetween size="s">
        <FormField constraintText={remaining.text} errorText={error ?? (remaining.over ? remaining.text : undefined)} stretch>
          <Textarea value={text} readOnly={readOnly} rows={3} ariaLabel="Lens notes" onChange={({ detail }) => setText(detail.value)} />
        </FormField>
        {!readOnly && (
          <Button loading={save.running} disabled={text === notes} onClick={() => void save.run()}>
            Save lens notes
          </Button>
        )}
      </SpaceBetween>
    </ExpandableSection>
  );
}
