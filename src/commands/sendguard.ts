// The send guard alone, for Outlook on Windows (classic), which runs OnMessageSend in a JavaScript-only
// runtime: no window, no document. The manifest's Runtime Override points at this file; elsewhere the guard
// runs from commands.html with the ribbon functions. Loaded without a DOM in test/manifest/sendguard-bundle.test.ts.
// No MSAL here: its chunks cannot load without a document, so a bridge on Entra ID is not asked from this runtime.
import { createOnMessageSendHandler } from './send-guard-handler';

Office.actions.associate('onMessageSendHandler', createOnMessageSendHandler());
