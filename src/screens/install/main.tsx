import { mountPage } from '../../app/mount-page'
import { InstallScreen } from './install-screen'

mountPage(InstallScreen)
