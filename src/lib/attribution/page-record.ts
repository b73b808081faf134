// Runs anywhere: the one shape the attribution functions read a page in: where it lives and its history.
import type { PageHistory } from '../history/types.ts';

export interface PageRecord {
  id: string;
  community: string;
  title: string;
  history: PageHistory;
}
