import { GetProfileCommand, GetProfileTemplateCommand, type Profile, type ProfileTemplate } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { useLoad } from '../commons/use-load';

/** The questions every profile answers. */
export function useProfileTemplate() {
  const wa = useWellArchitected();
  return useLoad<ProfileTemplate | undefined>(async () => (await wa.send(new GetProfileTemplateCommand({}))).ProfileTemplate, [wa]);
}

/** A profile at one version (the latest when `version` is undefined). */
export function useProfile(arn: string, version: string | undefined) {
  const wa = useWellArchitected();
  return useLoad<Profile | undefined>(
    async () => (await wa.send(new GetProfileCommand({ ProfileArn: arn, ProfileVersion: version }))).Profile,
    [wa, arn, version],
  );
}
