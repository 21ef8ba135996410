import type { InputHTMLAttributes } from 'react';

// A labelled input with its error message tied to it for screen readers.
export function FormField({
  label,
  name,
  errors,
  ...input
}: { label: string; name: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={input.id ?? name} className="font-medium">
        {label}
      </label>
      <input
        id={input.id ?? name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errorId}
        className="min-h-11 rounded border border-border bg-surface px-3 text-base"
        {...input}
      />
      {errorId && (
        <p id={errorId} className="text-sm text-danger">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
