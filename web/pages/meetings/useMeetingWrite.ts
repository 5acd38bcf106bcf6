import { useState } from 'react';
import { App } from 'antd';
import type { QueryKey } from '@tanstack/react-query';
import type { MeetingReply } from '../../api/meetings.js';
import { errorMessage } from '../../components/formErrors.js';
import { useMeetingSaved } from './useMeetingSaved.js';

/**
 * A meeting's write from a button (not a form): busy while it runs, the page updated from the
 * server's answer, and a message either way. `run` says whether it was saved.
 */
export function useMeetingWrite() {
  const saved = useMeetingSaved();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (write: () => Promise<MeetingReply>, done: string, ...also: QueryKey[]): Promise<boolean> => {
    setBusy(true);
    try {
      await saved(await write(), ...also);
      void message.success(done);
      return true;
    } catch (e) {
      void message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
