/** EfsApi over @aws-sdk/client-efs; pages come from the SDK paginators (Marker/NextMarker). */
import {
  EFSClient,
  paginateDescribeAccessPoints,
  paginateDescribeFileSystems,
  paginateDescribeMountTargets,
} from '@aws-sdk/client-efs';
import type { AccessPoint, EfsApi, FileSystem, MountTarget } from '../types';
import { firstPage } from './paging';

export function createEfsApi(client: EFSClient): EfsApi {
  return {
    async describeFileSystems(nextToken) {
      const page = await firstPage(
        paginateDescribeFileSystems({ client, pageSize: 100, startingToken: nextToken }, {}),
      );
      return { items: (page?.FileSystems ?? []) as FileSystem[], nextToken: page?.NextMarker || undefined };
    },
    async describeAccessPoints(fileSystemId, nextToken) {
      const page = await firstPage(
        paginateDescribeAccessPoints(
          { client, pageSize: 100, startingToken: nextToken },
          { FileSystemId: fileSystemId },
        ),
      );
      return { items: (page?.AccessPoints ?? []) as AccessPoint[], nextToken: page?.NextToken || undefined };
    },
    async describeMountTargets(fileSystemId, nextToken) {
      const page = await firstPage(
        paginateDescribeMountTargets(
          { client, pageSize: 100, startingToken: nextToken },
          { FileSystemId: fileSystemId },
        ),
      );
      return { items: (page?.MountTargets ?? []) as MountTarget[], nextToken: page?.NextMarker || undefined };
    },
  };
}
