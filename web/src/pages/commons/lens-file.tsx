import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import { Pagination } from './pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useCallback, useMemo, useState } from 'react';
import { describeError, ErrorAlert } from './error-alert';
import { locateJsonPath } from './json-locate';

/** "A custom lens cannot exceed 500 KB in size": the API's limit on the file text (LensJSON). */
export const LENS_MAX_BYTES = 500_000;

export interface LensFile {
  files: File[];
  choose(files: File[]): void;
  /** A problem found before sending (no file, too large, unreadable). */
  problem?: string;
  /** The text last read from the file, to locate the API's findings in it. */
  text?: string;
  /** Reads the chosen file; undefined (with `problem` set) when it cannot be sent. */
  read(): Promise<string | undefined>;
}

/** The chosen lens file. It is kept after a failed upload, so the user can fix it and send it again. */
export function useLensFile(): LensFile {
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string>();
  const [text, setText] = useState<string>();
  const choose = useCallback((next: File[]) => {
    setFiles(next);
    setProblem(undefined);
  }, []);
  const read = useCallback(async () => {
    const file = files[0];
    if (!file) {
      setProblem('Choose the JSON file of your custom lens.');
      return undefined;
    }
    if (file.size > LENS_MAX_BYTES) {
      setProblem(`The file is ${file.size.toLocaleString()} bytes; a custom lens cannot exceed 500 KB (${LENS_MAX_BYTES.toLocaleString()} bytes).`);
      return undefined;
    }
    try {
      const content = await file.text();
      setText(content);
      setProblem(undefined);
      return content;
    } catch (e) {
      setProblem(`The file cannot be read (${(e as Error).message}). Choose it again.`);
      return undefined;
    }
  }, [files]);
  return { files, choose, problem, text, read };
}

/** Submits the chosen lens file: clears the action's last error, reads the file, and runs the action on its text if it could be read. */
export async function submitLensFile(lensFile: LensFile, upload: { clearError(): void; run(text: string): Promise<unknown> }): Promise<void> {
  upload.clearError();
  const text = await lensFile.read();
  if (text !== undefined) await upload.run(text);
}

/** The file chooser; `onChoose` lets the form drop the problems it showed for the previous file. */
export function LensFileField({ lensFile, label = 'Lens file', onChoose }: { lensFile: LensFile; label?: string; onChoose?: () => void }) {
  return (
    <FormField label={label} description="The JSON file of your custom lens (see the lens format specification)." errorText={lensFile.problem}>
      <FileUpload
        accept=".json,application/json"
        value={lensFile.files}
        onChange={({ detail }) => {
          lensFile.choose(detail.value);
          onChoose?.();
        }}
        showFileSize
        constraintText="A JSON file of at most 500 KB."
        i18nStrings={{
          uploadButtonText: () => 'Choose file',
          dropzoneText: () => 'Drop the lens file here',
          removeFileAriaLabel: (_i, name) => `Remove ${name}`,
          errorIconAriaLabel: 'Error',
          warningIconAriaLabel: 'Warning',
          limitShowFewer: 'Show fewer files',
          limitShowMore: 'Show more files',
        }}
      />
    </FormField>
  );
}

interface Finding {
  location: string;
  message: string;
  rule?: string;
  excerpt?: string;
}

/** A line of the file worth showing beside a problem: not one that is only a bracket or a comma. */
function telling(line: string | undefined): string | undefined {
  const trimmed = line?.trim();
  return trimmed && /[\p{L}\p{N}]/u.test(trimmed) ? trimmed : undefined;
}

/** "improvementPlanRequired" → "Improvement plan required": the validator's rule codes, in words. */
const ruleWords = (code: string) => {
  const words = code.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** One finding of the lens validator: `Name` is a JSON path (or `$`), the message ends with the rule's code. */
function finding(name: string, message: string, text: string | undefined, doc: unknown): Finding {
  const coded = /^(.*) \[([A-Za-z]+)\]$/s.exec(message);
  const body = coded ? coded[1] : message;
  const rule = coded ? ruleWords(coded[2]) : undefined;
  const syntax = /at line (\d+), column (\d+)/.exec(body);
  const lines = text?.split('\n');
  if (syntax) {
    const line = Number(syntax[1]);
    return { location: `Line ${line}, column ${syntax[2]}`, message: body, rule, excerpt: telling(lines?.[line - 1]) };
  }
  const at = text && doc !== undefined && name !== '$' ? locateJsonPath(text, name, doc) : undefined;
  const where = at ? ` (${at.exact ? '' : 'in the value at '}line ${at.line}, column ${at.column})` : '';
  return { location: `${name === '$' ? 'The file' : name}${where}`, message: body, rule, excerpt: at ? telling(lines?.[at.line - 1]) : undefined };
}

/**
 * Why an upload was refused. A lens that breaks the format answers a ValidationException
 * with one field per violation; each is listed with where it is (the JSON path, and the
 * line and column in the file sent) and which rule it breaks. Other errors show as words.
 */
export function LensUploadErrors({ error, text }: { error: unknown; text?: string }) {
  // Located once per answer: a lens of 500 KB may have many problems.
  const findings = useMemo(() => {
    const { fields } = describeError(error);
    if (!error || (error as { name?: string }).name !== 'ValidationException' || fields.length === 0) return undefined;
    const doc = parsed(text);
    return fields.map((f) => finding(f.Name, f.Message, text, doc));
  }, [error, text]);
  if (!error) return null;
  return findings ? <Findings findings={findings} /> : <ErrorAlert error={error} />;
}

function parsed(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function Findings({ findings }: { findings: Finding[] }) {
  const { items, paginationProps } = useCollection(findings, { pagination: { pageSize: 25 } });
  return (
    <Alert type="error" header={`The lens file was not accepted: ${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}`}>
      <SpaceBetween size="s">
        <Box>Fix each problem in your file, then choose the file again and submit it.</Box>
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: 'Problems in the lens file' }}
          items={items}
          pagination={findings.length > 25 ? <Pagination {...paginationProps} ariaLabels={{ nextPageLabel: 'Next problems', previousPageLabel: 'Previous problems', pageLabel: (n) => `Problems page ${n}` }} /> : undefined}
          wrapLines
          columnDefinitions={[
            {
              id: 'location',
              header: 'Location',
              cell: (f) => <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{f.location}</code>,
              width: 340,
            },
            {
              id: 'problem',
              header: 'Problem',
              cell: (f) => (
                <SpaceBetween size="xxxs">
                  <span>{f.message}</span>
                  {f.excerpt && (
                    <Box color="text-body-secondary" fontSize="body-s">
                      <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{f.excerpt.length > 100 ? `${f.excerpt.slice(0, 100)}…` : f.excerpt}</code>
                    </Box>
                  )}
                </SpaceBetween>
              ),
            },
            { id: 'rule', header: 'Rule', cell: (f) => f.rule ?? '-', width: 170 },
          ]}
        />
      </SpaceBetween>
    </Alert>
  );
}
