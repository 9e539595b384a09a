import { detectOfficeHost } from '../services/office-host';
import {
  onMessageSendHandler,
  removeMarking,
  sendConfidential,
  sendPersonal,
  sendRegistered,
} from './secure-send-handlers';

// Outside Outlook (the function file opened in a browser) there is no ribbon to serve and no item to act on.
void detectOfficeHost(Office).then((host) => {
  if (host !== 'outlook') return;
  // Function names must match <FunctionName> in manifest.xml (checked by the manifest tests).
  Office.actions.associate('sendRegistered', sendRegistered);
  Office.actions.associate('sendConfidential', sendConfidential);
  Office.actions.associate('sendPersonal', sendPersonal);
  Office.actions.associate('removeMarking', removeMarking);
  Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
});
