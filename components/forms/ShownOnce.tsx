/** A secret shown once after it was made (API key, invitation link, generated password): say so, and make it easy to copy. */
export function ShownOnce({ message, value, testId, valueTestId }: { message: string; value: string; testId: string; valueTestId?: string }) {
  return (
    <div className="notice" role="status" data-testid={testId}>
      <p>{message}</p>
      <code className="secret" data-testid={valueTestId}>
        {value}
      </code>
    </div>
  );
}
