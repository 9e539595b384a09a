import { detectOfficeHost } from '../services/office-host';
import { silentEntraSignIn } from '../services/entra-sign-in';
import { createOnMessageSendHandler } from './send-guard-handler';
import { removeMarking, sendConfidential, sendPersonal, sendRegistered } from './secure-send-handlers';

// Outside Outlook (the function file opened in a browser) there is no ribbon to serve and no item to act on.
void detectOfficeHost(Office).then((host) => {
  if (host !== 'outlook') return;
  // Function names must match <FunctionName> in manifest.xml (checked by the manifest tests).
  Office.actions.associate('sendRegistered', sendRegistered);
  Office.actions.associate('sendConfidential', sendConfidential);
  Office.actions.associate('sendPersonal', sendPersonal);
  Office.actions.associate('removeMarking', removeMarking);
  // The send guard of web, new Outlook and Mac (a browser runtime, where MSAL loads); classic Outlook has sendguard.js.
  Office.actions.associate('onMessageSendHandler', createOnMessageSendHandler({ entra: silentEntraSignIn }));
});
