/**
 * A hidden `<input type="file">` that a visible button opens (`ref.current.click()`): it hands the
 * chosen file over once and clears itself, so choosing the same file again is seen again.
 */
import { forwardRef } from 'react';

interface FileInputProps {
  accept: string;
  testId: string;
  onFile: (file: File) => void;
}

export const FileInput = forwardRef<HTMLInputElement, FileInputProps>(function FileInput({ accept, testId, onFile }, ref) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
});
