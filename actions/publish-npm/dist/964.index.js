export const id = 964;
export const ids = [964];
export const modules = {

/***/ 1964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publish: () => (/* binding */ publish)
/* harmony export */ });
const publish = async () => {
    throw new Error('this publisher is not implemented yet');
};


/***/ })

};
