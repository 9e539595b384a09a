import { sendConfidential, sendRegistered } from './secure-send-handlers';

Office.onReady(() => {
  // Function names must match <FunctionName> in manifest.xml (checked by the manifest tests).
  Office.actions.associate('sendRegistered', sendRegistered);
  Office.actions.associate('sendConfidential', sendConfidential);
});
