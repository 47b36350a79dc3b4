/** Ec2Api over @aws-sdk/client-ec2: VPCs, subnets and security groups for the run-task network step. */
import {
  EC2Client,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type Filter,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { Ec2Api, SecurityGroup, Subnet, Vpc } from '../types';
import { allPages } from './paging';

const nameTag = (tags: Tag[] | undefined): string | undefined => tags?.find((t) => t.Key === 'Name')?.Value;

export function createEc2Api(client: EC2Client): Ec2Api {
  return {
    async describeVpcs() {
      const vpcs = await allPages(paginateDescribeVpcs({ client }, {}), (p) => p.Vpcs);
      return vpcs.map((v): Vpc => ({
        VpcId: v.VpcId ?? '',
        CidrBlock: v.CidrBlock,
        IsDefault: v.IsDefault,
        Name: nameTag(v.Tags),
      }));
    },
    async describeSubnets({ vpcId, subnetIds, idFilter }) {
      const Filters: Filter[] = vpcId ? [{ Name: 'vpc-id', Values: [vpcId] }] : [];
      if (idFilter) Filters.push({ Name: 'subnet-id', Values: idFilter });
      const subnets = await allPages(
        paginateDescribeSubnets({ client }, { Filters, SubnetIds: subnetIds }),
        (p) => p.Subnets,
      );
      return subnets.map((s): Subnet => ({
        SubnetId: s.SubnetId ?? '',
        VpcId: s.VpcId,
        AvailabilityZone: s.AvailabilityZone,
        CidrBlock: s.CidrBlock,
        Name: nameTag(s.Tags),
        MapPublicIpOnLaunch: s.MapPublicIpOnLaunch,
      }));
    },
    async describeSecurityGroups({ vpcId, groupIds, idFilter }) {
      const Filters: Filter[] = vpcId ? [{ Name: 'vpc-id', Values: [vpcId] }] : [];
      if (idFilter) Filters.push({ Name: 'group-id', Values: idFilter });
      const groups = await allPages(
        paginateDescribeSecurityGroups({ client }, { Filters, GroupIds: groupIds }),
        (p) => p.SecurityGroups,
      );
      return groups.map((g): SecurityGroup => ({
        GroupId: g.GroupId ?? '',
        GroupName: g.GroupName,
        VpcId: g.VpcId,
        Description: g.Description,
      }));
    },
  };
}
