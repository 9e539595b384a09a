import { DocumentsView, type DocumentsViewProps } from './DocumentsView';

/** The Reminders tab, a chunk of its own: most sessions never open it. */
export default function RemindersView(props: Omit<DocumentsViewProps, 'kind'>) {
  return <DocumentsView kind="reminder" {...props} />;
}
