import { mountPage } from '../../app/mount-page'
import { ContextMenuScreen } from './context-menu-screen'

mountPage(ContextMenuScreen)
