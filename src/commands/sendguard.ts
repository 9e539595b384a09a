// The send guard alone, for Outlook on Windows (classic), which runs OnMessageSend in a JavaScript-only
// runtime: no window, no document. The manifest's Runtime Override points at this file; elsewhere the guard
// runs from commands.html with the ribbon functions. Loaded without a DOM in test/manifest/sendguard-bundle.test.ts.
import { onMessageSendHandler } from './secure-send-handlers';

Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
