/**
 * Live data from the connected AWS account, sent by the client while it is connected. Validation
 * never waits for it; rules that use it are silent when it is absent.
 */
export interface LiveEfs {
  /** Region the data was read from (named in messages). */
  region: string;
  fileSystems: { id: string; name?: string; accessPoints: { id: string; name?: string }[] }[];
}
