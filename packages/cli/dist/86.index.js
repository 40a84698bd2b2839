export const id = 86;
export const ids = [86];
export const modules = {

/***/ 1086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   identify: () => (/* binding */ identify)
/* harmony export */ });
function createClient(_name, _options) {
    throw new Error('this registry client is not implemented yet');
}
function identify(_settings, _cwd) {
    throw new Error('this registry client is not implemented yet');
}


/***/ })

};
