export {
  useSubmit,
  type FieldErrors,
  type Submit,
  type SubmitOptions,
  type SubmitState,
} from './useSubmit.ts';
export { useForm, type Form } from './useForm.ts';
export { useFields, type Fields } from './useFields.ts';
export { useEditor } from './useEditor.tsx';
export { FormPanel, FormFeedback, type FormPanelProps } from './FormPanel.tsx';
export { FilterForm } from './FilterForm.tsx';
export { CheckboxGroup } from './CheckboxGroup.tsx';
export {
  CheckboxField,
  DateField,
  FileField,
  documentAccept,
  RadioField,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from './fields.tsx';
