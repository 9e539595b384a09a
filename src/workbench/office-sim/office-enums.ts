/**
 * The enumerations of Office.js that LedgerMail reads, with the string values the real library uses in
 * Outlook (held against Microsoft's office.js by office-js-conformance.test.ts)
 * (@types/office-js declares them as ambient enums, so the objects are cast to those types: product code
 * compares against these members and gets the same strings Outlook would hand it).
 */
export const AsyncResultStatus = {
  Succeeded: 'succeeded',
  Failed: 'failed',
} as unknown as typeof Office.AsyncResultStatus;

// Outlook's office.js defines only these two; the other members of the type (Matrix, Ooxml, …) belong to
// Word, Excel and PowerPoint and are undefined in Outlook.
export const CoercionType = {
  Text: 'text',
  Html: 'html',
} as unknown as typeof Office.CoercionType;

export const EventType = {
  RecipientsChanged: 'olkRecipientsChanged',
  AttachmentsChanged: 'olkAttachmentsChanged',
  ItemChanged: 'olkItemSelectedChanged',
  DialogMessageReceived: 'dialogMessageReceived',
  DialogEventReceived: 'dialogEventReceived',
} as unknown as typeof Office.EventType;

export const HostType = { Outlook: 'Outlook' } as unknown as typeof Office.HostType;
export const PlatformType = { OfficeOnline: 'OfficeOnline' } as unknown as typeof Office.PlatformType;

export const MailboxEnums = {
  ItemNotificationMessageType: {
    ProgressIndicator: 'progressIndicator',
    InformationalMessage: 'informationalMessage',
    ErrorMessage: 'errorMessage',
    InsightMessage: 'insightMessage',
  },
  BodyType: { Html: 'html', Text: 'text' },
  AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
  AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
  AttachmentStatus: { Added: 'added', Removed: 'removed' },
  RecipientType: {
    DistributionList: 'distributionList',
    User: 'user',
    ExternalUser: 'externalUser',
    Other: 'other',
  },
  ItemType: { Message: 'message', Appointment: 'appointment' },
  UserProfileType: { Office365: 'office365', OutlookCom: 'outlookCom', Enterprise: 'enterprise' },
} as unknown as typeof Office.MailboxEnums;
