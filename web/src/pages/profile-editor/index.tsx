import { useParams } from 'react-router-dom';
import { CreateProfile } from './create-profile';
import { ProfileDetails } from './profile-details';

/** /profiles/new creates a profile; /profiles/:profileArn shows and edits one. */
export default function ProfileEditorPage() {
  const { profileArn } = useParams();
  // Keyed by ARN so that moving between profiles starts from a fresh form.
  return profileArn ? <ProfileDetails key={profileArn} profileArn={profileArn} /> : <CreateProfile />;
}
