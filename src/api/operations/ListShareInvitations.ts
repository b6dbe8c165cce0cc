import { listShareInvitations } from '../../services/shares/invitations.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof listShareInvitations>[2]>('ListShareInvitations', listShareInvitations);
