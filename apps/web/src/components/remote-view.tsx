import { Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Remote } from '../api/use-remote';
import { ProblemAlert } from './problem-alert';

/** What a tab shows while its data loads, when it failed, and once it is there. */
export function RemoteView<T>({
  remote,
  failedTitle,
  children,
}: {
  remote: Remote<T>;
  failedTitle?: string;
  children: (data: T) => ReactNode;
}) {
  if (remote.data === null) {
    if (remote.error !== null) return <ProblemAlert error={remote.error} title={failedTitle} />;
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin />
      </div>
    );
  }
  return <>{children(remote.data)}</>;
}
