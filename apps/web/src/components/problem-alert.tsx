import { Alert, Typography } from 'antd';
import type { FieldError } from '@writ/contracts/web';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { problemText } from '../api/problem-text';
import { useT } from '../i18n';

/**
 * A failed call as the officer reads it: a title, the server's own words, and each field or condition
 * the server named (`describe` turns a field error into something better than its raw field name).
 */
export function ProblemAlert({
  error,
  title,
  hideDetail = false,
  describe,
  testId = 'problem',
}: {
  error: unknown;
  title?: string;
  /** the field errors say it all (e.g. a refused 终本 lists its unmet conditions) */
  hideDetail?: boolean;
  describe?: (fieldError: FieldError) => ReactNode;
  testId?: string;
}) {
  const t = useT();
  const fieldErrors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const detail = problemText(t, error);
  const lines = fieldErrors.map((fieldError) => (
    <li key={`${fieldError.field}:${fieldError.rule}`} data-testid={`${testId}-item`}>
      {describe ? (
        describe(fieldError)
      ) : (
        <>
          <Typography.Text code>{fieldError.field}</Typography.Text> {fieldError.message}
        </>
      )}
    </li>
  ));
  return (
    <div data-testid={testId}>
      <Alert
        type="error"
        showIcon
        title={title ?? detail}
        description={
          title === undefined && lines.length === 0 ? undefined : (
            <>
              {title !== undefined && !hideDetail && <div>{detail}</div>}
              {lines.length > 0 && <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>{lines}</ul>}
            </>
          )
        }
      />
    </div>
  );
}
