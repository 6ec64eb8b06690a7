/**
 * The NL Design System (Utrecht) styles the app uses: the light theme's design tokens and the CSS of the
 * components the pages render, instead of the whole component library (most of which the app never shows).
 * A page that starts to use another component (a class utrecht-<name> in the built app) adds its
 * package here: @utrecht/<name>-css.
 */
import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/data-list-css/dist/index.css';
import '@utrecht/document-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/heading-1-css/dist/index.css';
import '@utrecht/heading-2-css/dist/index.css';
import '@utrecht/heading-3-css/dist/index.css';
import '@utrecht/heading-4-css/dist/index.css';
import '@utrecht/heading-5-css/dist/index.css';
import '@utrecht/heading-6-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/ordered-list-css/dist/index.css';
import '@utrecht/page-footer-css/dist/index.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/radio-button-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
